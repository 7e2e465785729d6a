package cn.onething.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.PlatformTest;

/**
 * Tens of thousands of cases a day draw a taken number now and then: the submission draws again instead of failing,
 * and nothing of the failed draw is left behind.
 */
@PlatformTest
class CaseNumberCollisionTest {

    @Autowired
    Api api;

    @MockitoSpyBean
    CaseNumbers numbers;

    @Test
    void aSubmissionThatDrawsATakenNumberDrawsAgain() {
        doReturn("BIRTH-20261205-TAKEN2", "BIRTH-20261205-TAKEN2", "BIRTH-20261205-FRESH3").when(numbers)
                .draw(eq("birth"), any());
        JsonNode first = BirthApplication.submit(api, "citizen1");
        JsonNode second = BirthApplication.submit(api, "citizen1");

        assertThat(first.get("number").asText()).isEqualTo("BIRTH-20261205-TAKEN2");
        assertThat(second.get("number").asText()).isEqualTo("BIRTH-20261205-FRESH3");
        JsonNode filed = api.get("citizen1", "/api/cases/" + second.get("id").asText()).body();
        assertThat(filed.get("items")).as("the case's items were filed after the redraw").hasSize(7);
        assertThat(api.get("citizen1", "/api/cases/" + first.get("id").asText()).body().get("number").asText())
                .as("the first case keeps its number").isEqualTo("BIRTH-20261205-TAKEN2");
    }
}
