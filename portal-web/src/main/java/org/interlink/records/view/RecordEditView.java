package org.interlink.records.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.view.ItemEditView;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordField;
import org.interlink.records.entity.RecordType;
import org.interlink.records.entity.RecordVersion;

import java.util.List;

/** {@code record-edit.xhtml}: drafting or editing a migration-management record. */
@Named
@ViewScoped
public class RecordEditView extends ItemEditView<RecordForm> {

    private static final long serialVersionUID = 1L;

    @Override
    protected ItemKind kind() {
        return ItemKind.RECORD;
    }

    @Override
    protected RecordForm newForm() {
        RecordForm form = new RecordForm();
        form.setType(RecordType.DISPLACEMENT_FIGURES);
        return form;
    }

    @Override
    protected RecordForm formOf(ItemVersion version) {
        return RecordForm.of((RecordVersion) version);
    }

    @Inject
    RecordLabels labels;

    public List<RecordType> getTypes() {
        return List.of(RecordType.values());
    }

    /** The label of a structured field for the chosen type, marked when the type requires it. */
    public String label(String field) {
        RecordType type = getForm().getType() == null ? RecordType.DISPLACEMENT_FIGURES : getForm().getType();
        String label = labels.field(type, field);
        return type.required().contains(RecordField.valueOf(field)) ? label + " *" : label;
    }
}
