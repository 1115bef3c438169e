package org.interlink.infrastructure.faces;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;

import java.util.ArrayList;
import java.util.Set;

/**
 * Leaves out of a page's head the scripts a component declares but the portal never uses (faces-config.xml, before
 * each page is rendered). PrimeFaces' chart always brings Moment.js (20 KB compressed) for time axes; the dashboard's
 * charts have none, and Chart.js' adapter does without it. The first visit's download is the one this saves
 * (PageWeightJourneyIT). A component that does need it (a {@code p:schedule}, PrimeFaces' client-side validation)
 * must be taken off this list.
 */
public class UnusedScripts implements SystemEventListener {

    static final Set<String> UNUSED = Set.of("moment/moment.js");

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext faces = FacesContext.getCurrentInstance();
        UIViewRoot root = (UIViewRoot) event.getSource();
        for (UIComponent resource : new ArrayList<>(root.getComponentResources(faces, "head"))) {
            if ("primefaces".equals(resource.getAttributes().get("library")) && UNUSED.contains(resource.getAttributes().get("name"))) {
                root.removeComponentResource(faces, resource, "head");
            }
        }
    }
}
