package cn.onething.timelimit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.onething.timelimit.CalendarYear.Origin;
import cn.onething.web.InvalidRequestException;

/**
 * The arrangements shipped with a release: bpmn/calendar/{year}.yaml on the classpath. A broken file
 * stops start-up with a message naming it: wrong deadlines are worse than none.
 */
final class CalendarFiles {

    static final String PATTERN = "classpath*:bpmn/calendar/*.yaml";

    private CalendarFiles() {
    }

    static List<CalendarYear> read() {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        List<CalendarYear> years = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Resource file : resources()) {
            String where = "bpmn/calendar/" + file.getFilename();
            try (InputStream in = file.getInputStream()) {
                Arrangement a = yaml.readValue(in, Arrangement.class);
                if (a == null || a.year() == null || !file.getFilename().equals(a.year() + ".yaml")) {
                    problems.add(where + ": year must be given and match the file name");
                    continue;
                }
                years.add(ArrangementCheck.check(a.year(), a, Origin.FILE, null, null));
            } catch (IOException e) {
                problems.add(where + ": " + e.getMessage());
            } catch (InvalidRequestException e) {
                e.errors().forEach(error -> problems.add(where + ": " + error.field() + ": " + error.messageEn()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The working-day calendar is broken:\n  " + String.join("\n  ", problems));
        }
        return years;
    }

    private static Resource[] resources() {
        try {
            return new PathMatchingResourcePatternResolver().getResources(PATTERN);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + PATTERN, e);
        }
    }
}
