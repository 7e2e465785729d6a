package cn.onething.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The bundles and departments, read from bpmn/ at start. A broken catalog stops start-up with a
 * message naming the file and the entry: better no platform than one that loses applications.
 */
@Service
public class BundleCatalog {

    /** Where the catalog lives on the classpath: the backend build ships /bpmn there. */
    static final String LOCATION = "bpmn/";

    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final Map<String, Bundle> bundles = new LinkedHashMap<>();

    public BundleCatalog() {
        this(LOCATION);
    }

    BundleCatalog(String location) {
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        for (Department d : read(yaml, resources.getResource("classpath:" + location + "departments.yaml"),
                Department[].class)) {
            departments.put(d.code(), d);
        }
        List<String> problems = new ArrayList<>();
        Resource[] files = find(resources, "classpath*:" + location + "bundles/*.yaml");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            Bundle bundle = read(yaml, file, Bundle.class);
            String where = location + "bundles/" + file.getFilename();
            List<String> found = new CatalogCheck(bundle, departments.keySet(), resources, location).problems();
            found.forEach(p -> problems.add(where + ": " + p));
            if (found.isEmpty() && bundles.putIfAbsent(bundle.code(), bundle) != null) {
                problems.add(where + ": bundle code '" + bundle.code() + "' is used by another file");
            }
        }
        // A material a licence stands in for must name a licence some bundle issues.
        java.util.Set<String> issued = bundles.values().stream().flatMap(b -> b.licences().stream())
                .map(Bundle.LicenceSpec::code).collect(java.util.stream.Collectors.toSet());
        bundles.values().forEach(b -> b.materials().stream().filter(m -> m.licence() != null
                && !issued.contains(m.licence())).forEach(m -> problems.add(location + "bundles/" + b.code()
                        + ": material '" + m.code() + "' names licence '" + m.licence() + "' that no bundle issues")));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The bundle catalog is broken:\n  " + String.join("\n  ", problems));
        }
    }

    public Collection<Bundle> bundles() {
        return bundles.values();
    }

    public Optional<Bundle> bundle(String code) {
        return Optional.ofNullable(bundles.get(code));
    }

    /** The bundle whose process model has this key. */
    public Optional<Bundle> bundleOfProcess(String processKey) {
        return bundles.values().stream().filter(b -> b.process().equals(processKey)).findFirst();
    }

    /**
     * Where a model of a bundle's process disagrees with the bundle's entry (items, departments, time limits,
     * inspections); nothing for a process that is no bundle's.
     */
    public List<String> modelProblems(String processKey, org.camunda.bpm.model.bpmn.BpmnModelInstance model) {
        return bundleOfProcess(processKey).map(b -> new CatalogCheck(b, departments.keySet(),
                new PathMatchingResourcePatternResolver(), LOCATION).modelProblems(model, processKey))
                .orElse(List.of());
    }

    public Collection<Department> departments() {
        return departments.values();
    }

    public String departmentName(String code) {
        Department d = departments.get(code);
        return d == null ? code : d.name();
    }

    private static Resource[] find(PathMatchingResourcePatternResolver resources, String pattern) {
        try {
            return resources.getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(ObjectMapper yaml, Resource resource, Class<T> type) {
        try (InputStream in = resource.getInputStream()) {
            return yaml.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }
}
