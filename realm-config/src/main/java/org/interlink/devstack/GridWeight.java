package org.interlink.devstack;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the maps of a node's data grid hold, as Hazelcast counts it (its JMX beans, which the cluster's nodes register:
 * {@code -Dhazelcast.jmx=true}): entries and their memory, the node's own and its backups of the others'. Read through
 * the node's local JMX agent, which {@code jcmd} starts.
 */
public final class GridWeight {

    private static final Pattern ADDRESS = Pattern.compile("(service:jmx:\\S+)");

    private GridWeight() {
    }

    /** One map on one node. */
    public record Map(String name, long entries, long bytes, long backupEntries, long backupBytes) {
    }

    /** The data grid's maps on the node of process {@code pid}. */
    public static List<Map> of(long pid) throws IOException, InterruptedException {
        FlightRecording.jcmd(pid, "ManagementAgent.start_local");
        Matcher address = ADDRESS.matcher(FlightRecording.jcmd(pid, "ManagementAgent.status"));
        if (!address.find()) {
            throw new IllegalStateException("no local JMX address of process " + pid);
        }
        List<Map> maps = new ArrayList<>();
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address.group(1)))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            for (ObjectName name : server.queryNames(new ObjectName("com.hazelcast:type=IMap,*"), null)) {
                maps.add(new Map(name.getKeyProperty("name"), number(server, name, "localOwnedEntryCount"),
                        number(server, name, "localOwnedEntryMemoryCost"), number(server, name, "localBackupEntryCount"),
                        number(server, name, "localBackupEntryMemoryCost")));
            }
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("could not read the data grid's maps of process " + pid, e);
        }
        return maps;
    }

    private static long number(MBeanServerConnection server, ObjectName name, String attribute)
            throws IOException, javax.management.JMException {
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
