package cn.onething.supervision;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How strongly the 双随机 draw favours lower credit grades: an enterprise's chance at each pick is its
 * grade's weight over the weights of those not yet drawn (default A 1, B 2, C 4, D 8).
 */
@ConfigurationProperties("onething.supervision")
record SupervisionProperties(Map<CreditGrade, Integer> drawWeights) {

    private static final Map<CreditGrade, Integer> DEFAULT_WEIGHTS = Map.of(CreditGrade.A, 1, CreditGrade.B, 2,
            CreditGrade.C, 4, CreditGrade.D, 8);

    SupervisionProperties {
        Map<CreditGrade, Integer> weights = new EnumMap<>(DEFAULT_WEIGHTS);
        if (drawWeights != null) {
            weights.putAll(drawWeights);
        }
        weights.forEach((grade, weight) -> {
            if (weight == null || weight < 1) {
                throw new IllegalArgumentException("onething.supervision.draw-weights." + grade + " must be >= 1");
            }
        });
        drawWeights = Map.copyOf(weights);
    }

    int weight(CreditGrade grade) {
        return drawWeights.get(grade);
    }
}
