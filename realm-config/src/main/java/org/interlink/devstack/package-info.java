/**
 * Starts the real servers Interlink needs on a developer machine and in the tests: Keycloak (dev
 * mode, realm imported from this module), Payara Micro with the portal WAR, and the whole stack for
 * the run command. Every wait is bounded and every child process is stopped with its descendants,
 * so a hung server fails the caller instead of hanging it and nothing is left running.
 */
package org.interlink.devstack;
