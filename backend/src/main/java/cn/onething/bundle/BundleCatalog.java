package cn.onething.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        departments.values().forEach(d -> hierarchyProblem(d).ifPresent(p -> problems.add(location
                + "departments.yaml: department '" + d.code() + "': " + p)));
        departments.values().stream().filter(d -> d.reception() != null
                && (d.reception().windows() < 1 || d.reception().perWindow() < 1 || d.reception().place() == null))
                .forEach(d -> problems.add(location + "departments.yaml: department '" + d.code()
                        + "': a reception needs a place, at least one window and one visit per window"));
        departments.values().stream().filter(d -> d.inspectionTeams() < 0).forEach(d -> problems.add(location
                + "departments.yaml: department '" + d.code() + "': inspectionTeams cannot be negative"));
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
        // A visit is booked at the item's department, which must receive applicants.
        bundles.values().forEach(b -> b.items().stream().filter(i -> i.visit() != null && (i.visit().purpose() == null
                || departments.get(i.department()) == null || departments.get(i.department()).reception() == null))
                .forEach(i -> problems.add(location + "bundles/" + b.code() + ": item '" + i.code()
                        + "': a visit needs a purpose and a department with a reception in departments.yaml")));
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
        return department(code).name();
    }

    /** The department with this code; one named by its code alone for a code the catalog does not know. */
    public Department department(String code) {
        Department d = departments.get(code);
        return d == null ? new Department(code, code, null, null, 0) : d;
    }

    /** The department and all its sub-departments, at any depth. */
    public Set<String> departmentsUnder(String code) {
        Set<String> under = new LinkedHashSet<>(List.of(code));
        Deque<String> next = new ArrayDeque<>(under);
        while (!next.isEmpty()) {
            String parent = next.poll();
            departments.values().stream().filter(d -> parent.equals(d.parent())).map(Department::code)
                    .filter(under::add).forEach(next::add);
        }
        return Collections.unmodifiableSet(under);
    }

    /** An unknown parent, or parents that lead back to the department. */
    private Optional<String> hierarchyProblem(Department d) {
        Set<String> seen = new HashSet<>(List.of(d.code()));
        for (String parent = d.parent(); parent != null; parent = departments.get(parent).parent()) {
            if (!departments.containsKey(parent)) {
                return Optional.of("parent '" + parent + "' is not a known department");
            }
            if (!seen.add(parent)) {
                return Optional.of("its parents lead back to '" + parent + "' (a department cannot be under itself)");
            }
        }
        return Optional.empty();
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
