package org.whistle.deploy;

import java.util.Map;
import java.util.Set;

/**
 * One Whistle service as a deployment describes it, whether a compose service or a Kubernetes workload.
 *
 * @param origin where it is described, for messages
 * @param name the compose service or workload name
 * @param image the image's last path segment without tag, which names the module the image is built from
 * @param environment each variable with its literal value, or {@code null} where it comes from a Secret or ConfigMap
 * @param ports every port the description says the service listens on
 */
record Workload(String origin, String name, String image, Map<String, String> environment, Set<Integer> ports) {

    @Override
    public String toString() {
        return origin;
    }
}
