package cn.onething.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * 双随机 draw: picks distinct candidates, each pick with chance proportional to its weight among those
 * not yet drawn. The same weights and seed give the same picks, so a stored draw can be replayed.
 */
final class Draw {

    private Draw() {
    }

    /** The indexes of the candidates drawn, in draw order (at most all of them). */
    static List<Integer> pick(List<Integer> weights, int count, long seed) {
        // java.util.Random's generator and nextInt(bound) are fixed by its specification: a seed replays on any JVM
        Random random = new Random(seed);
        List<Integer> remaining = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < weights.size(); i++) {
            remaining.add(i);
            total = Math.addExact(total, weights.get(i));
        }
        List<Integer> drawn = new ArrayList<>();
        while (drawn.size() < count && !remaining.isEmpty()) {
            int point = random.nextInt(total);
            for (int k = 0; k < remaining.size(); k++) {
                int weight = weights.get(remaining.get(k));
                if (point < weight) {
                    drawn.add(remaining.remove(k));
                    total -= weight;
                    break;
                }
                point -= weight;
            }
        }
        return drawn;
    }
}
