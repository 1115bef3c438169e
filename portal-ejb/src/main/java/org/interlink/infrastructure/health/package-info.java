/** MicroProfile Health checks: whether this node can serve requests. */
package org.interlink.infrastructure.health;
