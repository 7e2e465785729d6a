package cn.onething.modeler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.ClockConfig;
import cn.onething.modeler.ModelProblem.Severity;
import cn.onething.modeler.ModelRepository.DeploymentRow;
import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.ItemSettings;
import cn.onething.security.CurrentUser;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.Markup;
import cn.onething.web.NotFoundException;

/**
 * Managers change how a process runs without a developer: read any deployed version, check a model, deploy
 * it as the next version (who, when and why recorded with the XML) and compare versions. Cases already
 * running stay on their version. Rolling back is deploying an earlier version's XML again.
 */
@Service
public class ModelService {

    static final int MAX_BYTES = 1024 * 1024;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ModelValidator validator;
    private final ModelRepository records;
    private final Clock clock;
    private final ModelMigration migration;
    private final ModelStatistics statistics;
    private final BundleCatalog catalog;

    ModelService(RepositoryService repository, RuntimeService runtime, ModelValidator validator,
            ModelRepository records, Clock clock, ModelMigration migration, ModelStatistics statistics,
            BundleCatalog catalog) {
        this.catalog = catalog;
        this.statistics = statistics;
        this.migration = migration;
        this.repository = repository;
        this.runtime = runtime;
        this.validator = validator;
        this.records = records;
        this.clock = clock;
    }

    public record ModelSummary(String key, String name, int latestVersion, long running) {
    }

    /** A deployed version; `deployedBy` and `comment` for those deployed from the modeler. */
    public record Version(String key, String name, int version, String processDefinitionId, OffsetDateTime deployedAt,
            String deployedBy, String comment, String overrideReason, long running) {
    }

    public record VersionXml(Version version, String xml) {
    }

    public record Validation(List<ModelProblem> errors, List<ModelProblem> warnings) {
    }

    public record DeployRequest(@Markup String xml, String comment, String overrideReason) {
    }

    public List<ModelSummary> models(CurrentUser user) {
        managerOnly(user);
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .stream().map(d -> new ModelSummary(d.getKey(), d.getName(), d.getVersion(),
                        runtime.createProcessInstanceQuery().processDefinitionKey(d.getKey()).count()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Version> versions(CurrentUser user, String key) {
        managerOnly(user);
        List<ProcessDefinition> definitions = definitions(key);
        Map<String, DeploymentRow> recorded = records.ofProcess(key).stream()
                .collect(Collectors.toMap(DeploymentRow::processDefinitionId, Function.identity()));
        return definitions.stream().map(d -> version(d, recorded.get(d.getId()))).toList();
    }

    @Transactional(readOnly = true)
    public VersionXml xml(CurrentUser user, String key, int version) {
        managerOnly(user);
        ProcessDefinition d = definition(key, version);
        DeploymentRow row = records.ofProcess(key).stream().filter(r -> r.processDefinitionId().equals(d.getId()))
                .findFirst().orElse(null);
        return new VersionXml(version(d, row), xmlOf(d));
    }

    public Validation validate(CurrentUser user, String xml) {
        managerOnly(user);
        checkUpload(xml);
        List<ModelProblem> problems = validator.validate(xml);
        return new Validation(problems.stream().filter(p -> p.severity() == Severity.ERROR).toList(),
                problems.stream().filter(p -> p.severity() == Severity.WARNING).toList());
    }

    /**
     * Deploys the model as the next version of its process. Errors refuse it (each named by its element);
     * warnings refuse it unless a reason is given; a comment saying why is always required.
     */
    @Transactional
    public Version deploy(CurrentUser user, String key, DeployRequest request) {
        managerOnly(user);
        definitions(key); // 404 for an unknown process
        Validation validation = validate(user, request.xml());
        List<FieldError> errors = new ArrayList<>();
        String comment = request.comment() == null ? "" : request.comment().strip();
        if (comment.isEmpty() || comment.length() > 1000) {
            errors.add(new FieldError("comment", comment.isEmpty() ? "required" : "maxLength",
                    "请说明本次部署的原因（不超过 1000 字）", "a comment (at most 1000 characters) is required"));
        }
        String processKey = processKey(request.xml());
        if (processKey != null && !processKey.equals(key)) {
            errors.add(new FieldError("xml", "processKey", "模型的流程标识应为 " + key + "，现为 " + processKey,
                    "the model's process id must be " + key));
        }
        validation.errors().forEach(p -> errors.add(new FieldError(
                p.elementId() == null ? "xml" : "xml." + p.elementId(), p.rule(), p.message(), p.message())));
        String reason = request.overrideReason() == null ? "" : request.overrideReason().strip();
        if (!validation.warnings().isEmpty() && reason.isEmpty()) {
            errors.add(new FieldError("overrideReason", "required", "模型有 " + validation.warnings().size()
                    + " 条警告，确需部署请填写理由：" + validation.warnings().stream().map(ModelProblem::message)
                            .collect(Collectors.joining("；")), "warnings need a reason to be overridden"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Deployment deployment = repository.createDeployment().name(key + "：" + comment).source("modeler")
                .addString(key + ".bpmn", request.xml()).deploy();
        ProcessDefinition d = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
                .processDefinitionKey(key).singleResult();
        DeploymentRow row = new DeploymentRow(key, d.getVersion(), d.getId(), deployment.getId(), user.name(),
                OffsetDateTime.now(clock), comment, reason.isEmpty() ? null : reason);
        records.insert(row, request.xml());
        return version(d, row);
    }

    public ModelDiff.Diff diff(CurrentUser user, String key, int from, int to) {
        managerOnly(user);
        return ModelDiff.between(xmlOf(definition(key, from)), xmlOf(definition(key, to)), naming(key));
    }

    /** What changed from a deployed version to a model being edited, before it is deployed. */
    public ModelDiff.Diff diff(CurrentUser user, String key, int from, String xml) {
        managerOnly(user);
        checkUpload(xml);
        return ModelDiff.between(xmlOf(definition(key, from)), xml, naming(key));
    }

    /**
     * Departments, fields and materials by their names; a property left out reads as the catalog's default it
     * stands for.
     */
    private ModelDiff.Naming naming(String key) {
        Optional<Bundle> bundle = catalog.bundleOfProcess(key);
        return (elementId, setting, value) -> {
            Optional<Bundle.Item> item = bundle.flatMap(b -> b.item(elementId));
            return switch (setting) {
                case "camunda:candidateGroups" -> value == null ? null : names(value, catalog::departmentName);
                case "property:" + ItemSettings.PROMISED_DAYS -> value != null || item.isEmpty() ? value
                        : "默认 " + item.get().promisedDays();
                case "property:" + ItemSettings.FIELDS -> pool(value, item.map(Bundle.Item::fields),
                        code -> bundle.flatMap(b -> b.field(code)).map(Bundle.FormField::label).orElse(code));
                case "property:" + ItemSettings.MATERIALS -> pool(value, item.map(Bundle.Item::materials),
                        code -> bundle.flatMap(b -> b.material(code)).map(Bundle.MaterialSpec::name).orElse(code));
                default -> value == null ? null : WORKING_DAYS_TIMER.matcher(value).replaceAll("满 $1 个工作日");
            };
        };
    }

    // the timer the editor's panel writes from a number of working days
    private static final Pattern WORKING_DAYS_TIMER = Pattern.compile("^\\$\\{deadlines\\.overdueIn\\((\\d+)\\)}$");

    private static String pool(String value, Optional<List<String>> defaults, Function<String, String> name) {
        if (value == null) {
            return defaults.map(codes -> "默认（" + names(String.join(",", codes), name) + "）").orElse(null);
        }
        return value.isBlank() ? "不要求" : names(value, name);
    }

    private static String names(String codes, Function<String, String> name) {
        return Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty()).map(name)
                .collect(Collectors.joining("、"));
    }

    /** The pools an item's fields and materials are chosen from, and each item's defaults (办事指南). */
    public record ModelCatalog(String bundleCode, String bundleName, List<FieldOption> fields,
            List<MaterialOption> materials, List<Bundle.Item> items) {
    }

    public record FieldOption(String code, String label) {
    }

    public record MaterialOption(String code, String name) {
    }

    public ModelCatalog catalog(CurrentUser user, String key) {
        managerOnly(user);
        definitions(key); // 404 for an unknown process
        return catalog.bundleOfProcess(key).map(b -> new ModelCatalog(b.code(), b.name(),
                b.fields().stream().map(f -> new FieldOption(f.code(), f.label())).toList(),
                b.materials().stream().map(m -> new MaterialOption(m.code(), m.name())).toList(), b.items()))
                .orElse(new ModelCatalog(null, null, List.of(), List.of(), List.of()));
    }

    /** Per element of a version: running, completed, overdue and average time spent. */
    public List<ModelStatistics.ElementFigures> statistics(CurrentUser user, String key, int version) {
        managerOnly(user);
        return statistics.figures(definition(key, version));
    }

    public List<ModelStatistics.CaseAt> casesAt(CurrentUser user, String key, int version, String activityId) {
        managerOnly(user);
        return statistics.casesAt(definition(key, version), activityId);
    }

    /** Which running cases of version `from` can move to `to`, and where each would then wait. */
    public ModelMigration.Preview migrationPreview(CurrentUser user, String key, int from, int to) {
        managerOnly(user);
        return migration.preview(definition(key, from), definition(key, to));
    }

    public record MigrateRequest(Integer from, Integer to, List<String> processInstanceIds) {
    }

    /** Moves the given running cases, each on its own; the answer says per case whether it moved and why not. */
    public List<ModelMigration.Outcome> migrate(CurrentUser user, String key, MigrateRequest request) {
        managerOnly(user);
        List<FieldError> errors = new ArrayList<>();
        if (request.from() == null || request.to() == null || request.from().equals(request.to())) {
            errors.add(new FieldError("to", "required", "请选择迁移的源版本和目标版本（两者不同）",
                    "from and to versions are required and must differ"));
        }
        if (request.processInstanceIds() == null || request.processInstanceIds().isEmpty()
                || request.processInstanceIds().size() > 200) {
            errors.add(new FieldError("processInstanceIds", "size", "请选择 1 至 200 个要迁移的办件",
                    "between 1 and 200 process instances"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return migration.migrate(user, definition(key, request.from()), definition(key, request.to()),
                request.processInstanceIds());
    }

    private Version version(ProcessDefinition d, DeploymentRow row) {
        OffsetDateTime deployedAt = row != null ? row.deployedAt()
                : repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult()
                        .getDeploymentTime().toInstant().atZone(ClockConfig.BEIJING).toOffsetDateTime();
        return new Version(d.getKey(), d.getName(), d.getVersion(), d.getId(), deployedAt,
                row == null ? "系统（随平台发布）" : row.deployedBy(), row == null ? null : row.comment(),
                row == null ? null : row.overrideReason(),
                runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count());
    }

    private List<ProcessDefinition> definitions(String key) {
        List<ProcessDefinition> found = repository.createProcessDefinitionQuery().processDefinitionKey(key).list()
                .stream().sorted(Comparator.comparingInt(ProcessDefinition::getVersion).reversed()).toList();
        if (found.isEmpty()) {
            throw new NotFoundException("没有这个流程：" + key);
        }
        return found;
    }

    private ProcessDefinition definition(String key, int version) {
        return definitions(key).stream().filter(d -> d.getVersion() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("流程 " + key + " 没有第 " + version + " 版"));
    }

    private String xmlOf(ProcessDefinition d) {
        try (InputStream in = repository.getProcessModel(d.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkUpload(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidRequestException(new FieldError("xml", "required", "请提供 BPMN 模型", "xml is required"));
        }
        if (xml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRequestException(new FieldError("xml", "maxSize", "模型不能超过 1 MB",
                    "the model must not exceed 1 MB"));
        }
        if (!xml.contains("http://www.omg.org/spec/BPMN/20100524/MODEL")) {
            throw new InvalidRequestException(new FieldError("xml", "bpmn", "不是 BPMN 2.0 模型",
                    "not a BPMN 2.0 model"));
        }
    }

    private static String processKey(String xml) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<(?:bpmn2?:)?process[^>]*\\sid=\"([^\"]+)\"[^>]*isExecutable=\"true\"").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static void managerOnly(CurrentUser user) {
        if (!user.isManager()) {
            throw new ForbiddenException("只有管理人员可以查看和部署流程模型");
        }
    }
}
