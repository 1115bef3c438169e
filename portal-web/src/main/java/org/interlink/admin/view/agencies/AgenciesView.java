package org.interlink.admin.view.agencies;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.Agency;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** {@code admin/agencies.xhtml}: the platform administrator's list of member agencies, paged in the database. */
@Named
@ViewScoped
public class AgenciesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Agencies agencies;

    private LazyDataModel<Agency> model;

    @PostConstruct
    void init() {
        model = new AgencyPages();
    }

    public LazyDataModel<Agency> getModel() {
        return model;
    }

    /** Pages of agencies by name, counted and loaded by the database. */
    final class AgencyPages extends LazyDataModel<Agency> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(agencies.count());
        }

        @Override
        public List<Agency> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return agencies.page(first, pageSize);
        }

        @Override
        public String getRowKey(Agency agency) {
            return agency.getCode().value();
        }

        @Override
        public Agency getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(a -> a.getCode().value().equals(rowKey)).findFirst().orElse(null);
        }
    }
}
