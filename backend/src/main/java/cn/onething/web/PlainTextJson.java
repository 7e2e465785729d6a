package cn.onething.web;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every string in a JSON request body — record properties, form values in maps, list items — is held
 * to {@link PlainText} while it is read, so a request breaking it is refused before anything runs.
 */
@Configuration(proxyBeanMethods = false)
class PlainTextJson {

    @Bean
    SimpleModule plainTextStrings() {
        SimpleModule module = new SimpleModule("plain-text-strings");
        module.addDeserializer(String.class, new CheckedString(true));
        return module;
    }

    /** Thrown while reading; Jackson adds the path (form.motherName, items[2].reason) on its way out. */
    static final class NotPlainText extends JsonMappingException {
        private final String rule;

        NotPlainText(JsonParser parser, String rule) {
            super(parser, "text breaks the rule " + rule);
            this.rule = rule;
        }

        String rule() {
            return rule;
        }
    }

    private static final class CheckedString extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private final boolean checked;

        CheckedString(boolean checked) {
            super(String.class);
            this.checked = checked;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String rule = checked && value != null ? PlainText.violation(value) : null;
            if (rule != null) {
                throw new NotPlainText(parser, rule);
            }
            return value;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return property != null && property.getAnnotation(Markup.class) != null ? new CheckedString(false) : this;
        }
    }
}
