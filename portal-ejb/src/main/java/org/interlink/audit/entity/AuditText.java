package org.interlink.audit.entity;

/**
 * Makes text from users and requests safe to store in the audit trail: control characters (CR, LF,
 * escape sequences) become visible escapes, so a value can never start a forged line in a log or a
 * CSV; markup characters are kept as text (every screen and export escapes them) and the length is
 * bounded.
 */
public final class AuditText {

    private AuditText() {
    }

    public static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length() && safe.length() < maxLength; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        safe.append(String.format("\\u%04x", (int) c));
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        return safe.length() > maxLength ? safe.substring(0, maxLength) : safe.toString();
    }
}
