package org.interlink.caller.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request comes from, as the audit trail, the refusal counts and the session registry record it. Behind
 * a load balancer (the cluster, docs/cluster.md) the connection comes from the balancer; the client's address is in the
 * {@value #HEADER} header the balancer sets. That header is believed only on a connection from a balancer named in
 * {@code interlink.trusted-proxies} (IP addresses, comma-separated; none by default), since anyone else can send it.
 * Each proxy appends the address it saw, so the header is read from the right: trusted proxies are passed over, and the
 * first address that is not one is the client; what lies left of it is the client's own words and never read. When
 * that entry is not an IP address, or every entry is a trusted proxy, the nearest address known is recorded (the last
 * trusted hop). Addresses are compared and recorded in one form ({@code ::ffff:10.0.0.5} is {@code 10.0.0.5}, an IPv6
 * address in full, brackets and ports dropped), parsed as literals only: no name is ever looked up.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());
    static final String HEADER = "X-Forwarded-For";
    /** At most this many entries are read from the right of the header. */
    static final int MAX_HOPS = 16;
    private static final Pattern IPV4 = Pattern
            .compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** The first character too: InetAddress takes a text as a literal only from a hex digit or a colon (else it looks it up). */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\](:\\d+)?");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d+");

    @Inject
    @ConfigProperty(name = "interlink.trusted-proxies", defaultValue = " ")
    String trustedProxies;

    private Set<String> trusted = Set.of();

    /** Read at start: a setting that is not an address stops the deployment, rather than fail every request. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        if (!trusted.isEmpty()) {
            LOG.info(() -> "the client's address from " + HEADER + " set by " + trusted);
        }
    }

    @PostConstruct
    void init() {
        trusted = Arrays.stream(trustedProxies.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(proxy -> canonical(proxy).orElseThrow(() -> new IllegalArgumentException(
                        "interlink.trusted-proxies: " + proxy + " is not an IP address")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** For tests: the proxies believed. */
    static ClientAddress trusting(String... proxies) {
        ClientAddress address = new ClientAddress();
        address.trustedProxies = String.join(",", proxies) + " ";
        address.init();
        return address;
    }

    /** The client's address: the connection's, or from a trusted balancer the one its header names. */
    public String of(HttpServletRequest request) {
        String connection = request.getRemoteAddr();
        if (trusted.isEmpty() || connection == null || !trusted.contains(canonical(connection).orElse(connection))) {
            return connection;
        }
        return of(connection, request.getHeaders(HEADER) == null ? List.of() : Collections.list(request.getHeaders(HEADER)));
    }

    String of(String connection, List<String> headers) {
        String nearest = canonical(connection).orElse(connection);
        if (!trusted.contains(nearest) || headers.isEmpty()) {
            return nearest;
        }
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            hops.addAll(Arrays.asList(header.split(",", -1)));
        }
        for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
            Optional<String> hop = canonical(hops.get(i).trim());
            if (hop.isEmpty()) {
                return nearest;
            }
            nearest = hop.get();
            if (!trusted.contains(nearest)) {
                return nearest;
            }
        }
        return nearest;
    }

    /** The address in one form, if {@code text} is an IP address literal (with brackets or a port, as proxies write them). */
    static Optional<String> canonical(String text) {
        String address = text;
        Matcher bracketed = BRACKETED.matcher(address);
        Matcher withPort = IPV4_WITH_PORT.matcher(address);
        if (bracketed.matches()) {
            address = bracketed.group(1);
        } else if (withPort.matches()) {
            address = withPort.group(1);
        }
        boolean literal = IPV4.matcher(address).matches() || address.indexOf(':') >= 0 && IPV6.matcher(address).matches();
        if (!literal) {
            return Optional.empty();
        }
        try {
            // a literal (dotted quad, or with a colon): InetAddress checks its form and looks nothing up
            return Optional.of(InetAddress.getByName(address).getHostAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
