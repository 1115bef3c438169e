/**
 * Interlink: ministries and partner organisations share vetted migration-management records,
 * recommendations and meeting outcomes. Packages are features first ({@code agency},
 * {@code caller}, ...), each split into boundary / control / entity.
 */
package org.interlink;
