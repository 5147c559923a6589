package dev.wharf.operator.model;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.LinkedHashMap;

/**
 * External Secrets Operator's ExternalSecret, with spec and status as plain maps: the operator
 * writes only the spec it builds and compares it field by field. A type of its own (rather than
 * a generic resource) lets the client and the informer address it without API discovery.
 */
@Group(DesiredObjects.ESO_GROUP)
@Version(DesiredObjects.ESO_VERSION)
@Kind("ExternalSecret")
@Plural("externalsecrets")
public class ExternalSecretResource extends CustomResource<LinkedHashMap<String, Object>, LinkedHashMap<String, Object>>
    implements Namespaced {
}
