package org.interlink.infrastructure.faces;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.StaleItem;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures a page tells as "someone else changed this item just now" (and shows the page again). */
class BusinessExceptionHandlerTest {

    @Test
    void aVersionTagThatNoLongerHoldsAnOptimisticLockOrADeadlockIsAChangeMadeMeanwhile() {
        assertThat(BusinessExceptionHandler.changedMeanwhile(new EJBException(new StaleItem("1.2", "1.3")))).isTrue();
        assertThat(BusinessExceptionHandler.changedMeanwhile(new PersistenceException(new OptimisticLockException("version")))).isTrue();
        assertThat(BusinessExceptionHandler.changedMeanwhile(new PersistenceException(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
    }

    @Test
    void aRefusedFileAnOutageOrAFullDiskIsNot() {
        assertThat(BusinessExceptionHandler.changedMeanwhile(new EJBException(new InvalidContent("The file a.csv is empty.")))).isFalse();
        assertThat(BusinessExceptionHandler.changedMeanwhile(new PersistenceException(new SQLException("I/O error", "08006")))).isFalse();
        assertThat(BusinessExceptionHandler.changedMeanwhile(new PersistenceException(new SQLException("disk full", "53100")))).isFalse();
    }
}
