package org.interlink.workflow.entity;

import org.interlink.BusinessException;

/** A vetter tried to vet their own version. */
public class FourEyesViolation extends BusinessException {

    public FourEyesViolation() {
        super("Four eyes: you cannot vet an item you wrote. Another vetter of your agency must vet it.", "FourEyesViolation");
    }
}
