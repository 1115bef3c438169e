package org.interlink.audit.control;

import org.interlink.infrastructure.persistence.ScheduledWork;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduled export outlives a failed run: a timeout that throws twice makes Payara drop the timer for good. */
class HeadExportTest {

    @Test
    void aScheduledExportThatCannotReachTheDatabaseIsLoggedAndTheTimerLivesOn() {
        HeadExport export = new HeadExport();
        export.dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                });
        export.clock = Clock.systemUTC();
        export.minutes = 1;
        export.scheduledWork = ScheduledWork.on(export.dataSource, export.clock);

        assertThatThrownBy(export::export).as("asked for by an operator: told").isInstanceOf(IllegalStateException.class);
        assertThatCode(export::onSchedule).as("on its schedule: logged, not thrown at the timer").doesNotThrowAnyException();
    }
}
