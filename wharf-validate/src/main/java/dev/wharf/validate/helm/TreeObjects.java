package dev.wharf.validate.helm;

import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The objects of the tree by kind, namespace and name, for what a HelmRelease refers to: its
 * chart source, its valuesFrom ConfigMaps and Secrets. An object in the same render (the same
 * cluster entry point) wins over one elsewhere in the tree.
 */
public final class TreeObjects {
  private final Map<String, List<Resource>> byKey = new HashMap<>();
  private final List<Resource> all;

  public TreeObjects(List<Resource> resources) {
    this.all = resources;
    for (Resource r : resources) {
      byKey.computeIfAbsent(key(r.kind(), r.ref().namespace(), r.ref().name()), k -> new ArrayList<>()).add(r);
    }
  }

  /** The object of {@code group} (null: any) and kind, preferring one rendered with {@code near}. */
  public Optional<Resource> find(String group, String kind, String namespace, String name, Resource near) {
    List<Resource> found = byKey.getOrDefault(key(kind, namespace, name), List.of()).stream()
        .filter(r -> group == null || r.ref().group().equals(group)).toList();
    return found.stream().filter(r -> r.render().equals(near.render())).findFirst().or(() -> found.stream().findFirst());
  }

  /** Who in the tree makes Secret {@code namespace/name} at run time: an ExternalSecret or a Certificate. */
  public Optional<Resource> secretMaker(String namespace, String name) {
    for (Resource r : all) {
      if (!r.ref().namespace().equals(namespace)) {
        continue;
      }
      String target = switch (r.kind()) {
        case "ExternalSecret" -> Yamls.string(Yamls.at(r.spec(), "target", "name")).isEmpty() ? r.ref().name()
            : Yamls.string(Yamls.at(r.spec(), "target", "name"));
        case "Certificate" -> Yamls.string(r.spec().get("secretName"));
        default -> "";
      };
      if (target.equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The API versions the tree provides beyond the built-in ones, as helm's --api-versions takes
   * them: group/version and group/version/Kind of every served CRD version, and the
   * group/version of every APIService.
   */
  public static Set<String> apiVersions(List<Resource> resources) {
    Set<String> out = new LinkedHashSet<>();
    for (Resource r : resources) {
      if (r.kind().equals("CustomResourceDefinition") && r.ref().group().equals("apiextensions.k8s.io")) {
        String group = Yamls.string(r.spec().get("group"));
        String kind = Yamls.string(Yamls.at(r.spec(), "names", "kind"));
        for (Object v : Yamls.list(r.spec().get("versions"))) {
          String version = Yamls.string(Yamls.map(v).get("name"));
          if (!group.isEmpty() && !version.isEmpty() && !Boolean.FALSE.equals(Yamls.map(v).get("served"))) {
            out.add(group + "/" + version);
            out.add(group + "/" + version + "/" + kind);
          }
        }
      } else if (r.kind().equals("APIService") && r.ref().group().equals("apiregistration.k8s.io")) {
        String group = Yamls.string(r.spec().get("group"));
        String version = Yamls.string(r.spec().get("version"));
        if (!group.isEmpty() && !version.isEmpty()) {
          out.add(group + "/" + version);
        }
      }
    }
    return out;
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "\u0000" + namespace + "\u0000" + name;
  }
}
