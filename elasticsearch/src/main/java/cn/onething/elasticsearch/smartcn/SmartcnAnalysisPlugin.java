package cn.onething.elasticsearch.smartcn;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Chinese analysis with Lucene's smartcn (a hidden-Markov-model word segmenter with its own dictionary), under the
 * names of Elastic's analysis-smartcn plugin, which is not on Maven Central: analyzer {@code smartcn}, tokenizer
 * {@code smartcn_tokenizer} (also as {@code smartcn}), token filter {@code smartcn_stop}. A mapping written for
 * the official plugin works here too, and the other way round.
 */
public class SmartcnAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("smartcn", (indexSettings, environment, name, settings) -> new AbstractIndexAnalyzerProvider<>(name) {
            // segmentation, punctuation dropped (its default stop set), English words lower-cased and stemmed
            private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer(SmartChineseAnalyzer.getDefaultStopSet());

            @Override
            public SmartChineseAnalyzer get() {
                return analyzer;
            }
        });
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        AnalysisProvider<TokenizerFactory> tokenizer = (indexSettings, environment, name, settings) -> new AbstractTokenizerFactory(name) {
            @Override
            public Tokenizer create() {
                return new HMMChineseTokenizer();
            }
        };
        return Map.of("smartcn_tokenizer", tokenizer, "smartcn", tokenizer);
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("smartcn_stop", (indexSettings, environment, name, settings) -> new AbstractTokenFilterFactory(name) {
            @Override
            public TokenStream create(TokenStream input) {
                return new StopFilter(input, SmartChineseAnalyzer.getDefaultStopSet());
            }
        });
    }
}
