package cn.onething.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The 双随机 draw: reproducible from its seed, distinct picks, lower grades (heavier weights) drawn more often. */
class SupervisionDrawTest {

    @Property
    void aSeedReplaysTheSameDistinctPicks(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 8) Integer> weights,
            @ForAll @IntRange(min = 1, max = 50) int count, @ForAll long seed) {
        List<Integer> drawn = Draw.pick(weights, count, seed);
        assertThat(Draw.pick(weights, count, seed)).isEqualTo(drawn);
        assertThat(drawn).hasSize(Math.min(count, weights.size())).doesNotHaveDuplicates()
                .allMatch(i -> i >= 0 && i < weights.size());
    }

    @Test
    void aKnownSeedGivesAKnownDraw() {
        // java.util.Random is specified: this holds on every JVM, so stored draws replay after upgrades
        assertThat(Draw.pick(List.of(1, 2, 4, 8, 1, 2, 4, 8), 3, 42L)).containsExactly(6, 3, 0);
        assertThat(Draw.pick(List.of(1, 1, 1), 5, 7L)).as("at most everyone").containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void anEnterpriseGradedDIsDrawnAboutEightTimesAsOftenAsOneGradedA() {
        // ten A (weight 1) and ten D (weight 8), one drawn per seed
        List<Integer> weights = new ArrayList<>(Collections.nCopies(10, 1));
        weights.addAll(Collections.nCopies(10, 8));
        int a = 0;
        int d = 0;
        for (long seed = 0; seed < 9000; seed++) {
            if (Draw.pick(weights, 1, seed).get(0) < 10) {
                a++;
            } else {
                d++;
            }
        }
        assertThat((double) d / a).isBetween(6.5, 10.0);
    }

    @Test
    void inALargerDrawTheDIsStillPickedMoreOftenThanTheA() {
        List<Integer> weights = new ArrayList<>(Collections.nCopies(18, 2));
        weights.add(1); // index 18: grade A
        weights.add(8); // index 19: grade D
        int a = 0;
        int d = 0;
        for (long seed = 0; seed < 3000; seed++) {
            List<Integer> drawn = Draw.pick(weights, 5, seed);
            a += drawn.contains(18) ? 1 : 0;
            d += drawn.contains(19) ? 1 : 0;
        }
        assertThat(d).isGreaterThan(2 * a);
    }
}
