package cn.onething.modeler;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.security.CurrentUser;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.Markup;

@RestController
@RequestMapping("/api/models")
class ModelController {

    private final ModelService models;

    ModelController(ModelService models) {
        this.models = models;
    }

    @GetMapping
    List<ModelService.ModelSummary> models(CurrentUser user) {
        return models.models(user);
    }

    @GetMapping("/{key}/versions")
    List<ModelService.Version> versions(CurrentUser user, @PathVariable String key) {
        return models.versions(user, key);
    }

    @GetMapping("/{key}/versions/{version}")
    ModelService.VersionXml version(CurrentUser user, @PathVariable String key, @PathVariable int version) {
        return models.xml(user, key, version);
    }

    @GetMapping("/{key}/versions/{version}/statistics")
    List<ModelStatistics.ElementFigures> statistics(CurrentUser user, @PathVariable String key,
            @PathVariable int version) {
        return models.statistics(user, key, version);
    }

    @GetMapping("/{key}/versions/{version}/activities/{activityId}/cases")
    List<ModelStatistics.CaseAt> casesAt(CurrentUser user, @PathVariable String key, @PathVariable int version,
            @PathVariable String activityId) {
        return models.casesAt(user, key, version, activityId);
    }

    @GetMapping("/{key}/diff")
    ModelDiff.Diff diff(CurrentUser user, @PathVariable String key, @RequestParam int from, @RequestParam int to) {
        return models.diff(user, key, from, to);
    }

    record DraftDiffRequest(Integer from, @Markup String xml) {
    }

    @PostMapping("/{key}/diff")
    ModelDiff.Diff diff(CurrentUser user, @PathVariable String key, @RequestBody DraftDiffRequest request) {
        if (request.from() == null) {
            throw new InvalidRequestException(new FieldError("from", "required", "请选择要对比的已部署版本",
                    "from (a deployed version) is required"));
        }
        return models.diff(user, key, request.from(), request.xml());
    }

    @GetMapping("/{key}/catalog")
    ModelService.ModelCatalog catalog(CurrentUser user, @PathVariable String key) {
        return models.catalog(user, key);
    }

    @GetMapping("/{key}/migration")
    ModelMigration.Preview migration(CurrentUser user, @PathVariable String key, @RequestParam int from,
            @RequestParam int to) {
        return models.migrationPreview(user, key, from, to);
    }

    @PostMapping("/{key}/migration")
    List<ModelMigration.Outcome> migrate(CurrentUser user, @PathVariable String key,
            @RequestBody ModelService.MigrateRequest request) {
        return models.migrate(user, key, request);
    }

    record ValidateRequest(@Markup String xml) {
    }

    @PostMapping("/validate")
    ModelService.Validation validate(CurrentUser user, @RequestBody ValidateRequest request) {
        return models.validate(user, request.xml());
    }

    @PostMapping("/{key}/deployments")
    @ResponseStatus(HttpStatus.CREATED)
    ModelService.Version deploy(CurrentUser user, @PathVariable String key,
            @RequestBody ModelService.DeployRequest request) {
        return models.deploy(user, key, request);
    }
}
