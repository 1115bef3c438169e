/**
 * What may cross an agency boundary: TLP 2.0 markings, sharing scopes and grants, and the one
 * visibility gate ({@code sharing.control.VisibilityGate}) that every read path goes through.
 */
package org.interlink.sharing;
