/**
 * The application's one DataSource ({@code java:app/jdbc/interlink}, configured by MicroProfile
 * Config) and the Flyway migrations that own its schema.
 */
package org.interlink.infrastructure.persistence;
