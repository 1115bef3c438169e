/** The auditor's pages: the audit trail filtered and exported, and the verification of its hash chains. */
package org.interlink.audit.view;
