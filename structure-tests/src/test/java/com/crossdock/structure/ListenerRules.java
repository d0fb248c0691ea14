package com.crossdock.structure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crossdock.platform.kafka.ConsumerGroup;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Class-level rules (ArchUnit, over the compiled classes): every {@code @KafkaListener} listens on what its
 * consumer group's one declaration creates. Its {@code topics} is {@code "#{@<bean>.listenTopics()}"}, its
 * {@code groupId} (and {@code id}, when set) {@code "#{@<bean>.id()}"} of the same bean, and that bean is a
 * {@code @Bean} method of that name returning {@link ConsumerGroup}. A listener on literal topics would read
 * topics no declaration creates, or miss its retry topic.
 */
final class ListenerRules {

    private static final Pattern TOPICS = Pattern.compile("#\\{@([A-Za-z_$][\\w$]*)\\.listenTopics\\(\\)}");

    private ListenerRules() {
    }

    static ArchRule listenersListenOnTheirConsumerGroupBean(JavaClasses beanDeclarations) {
        return methods().that().areAnnotatedWith(KafkaListener.class)
                .should(new ArchCondition<JavaMethod>("take their id, group and topics from one ConsumerGroup bean") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Optional<String> problem = problem(method, beanDeclarations);
                        events.add(new SimpleConditionEvent(method, problem.isEmpty(), method.getFullName() + " "
                                + problem.orElse("listens on its ConsumerGroup bean")));
                    }
                })
                // no module has an annotated listener today (the kits register their endpoints; the Paqtana publisher
                // has none since issue 9: its demand goes with a daily run); the rule holds for any that comes
                .allowEmptyShould(true);
    }

    private static Optional<String> problem(JavaMethod method, JavaClasses beanDeclarations) {
        JavaAnnotation<JavaMethod> listener = method.getAnnotationOfType(KafkaListener.class.getName());
        String[] topics = strings(listener, "topics");
        Matcher matcher = topics.length == 1 ? TOPICS.matcher(topics[0]) : null;
        if (matcher == null || !matcher.matches() || strings(listener, "topicPattern").length > 0
                || strings(listener, "topicPartitions").length > 0) {
            return Optional.of("has topics " + Arrays.toString(topics)
                    + " instead of \"#{@<consumer group bean>.listenTopics()}\"");
        }
        String bean = matcher.group(1);
        String id = "#{@" + bean + ".id()}";
        String groupId = string(listener, "groupId");
        String listenerId = string(listener, "id");
        if (!groupId.equals(id) || !(listenerId.isEmpty() || listenerId.equals(id))) {
            return Optional.of("has groupId \"" + groupId + "\" and id \"" + listenerId + "\" instead of \"" + id + "\"");
        }
        boolean declared = beanDeclarations.stream().flatMap(c -> c.getMethods().stream())
                .anyMatch(m -> m.getName().equals(bean) && m.isAnnotatedWith(Bean.class)
                        && m.getRawReturnType().isEquivalentTo(ConsumerGroup.class));
        return declared ? Optional.empty()
                : Optional.of("listens on bean " + bean + ", which no @Bean method returning ConsumerGroup declares");
    }

    /** A String[] property as it is; any other array (topicPartitions) as one entry per element. */
    private static String[] strings(JavaAnnotation<?> annotation, String property) {
        Object value = annotation.get(property).orElse(null);
        if (value instanceof String[] values) {
            return values;
        }
        return value instanceof Object[] values ? Arrays.stream(values).map(String::valueOf).toArray(String[]::new)
                : new String[0];
    }

    private static String string(JavaAnnotation<?> annotation, String property) {
        return annotation.get(property).map(String::valueOf).orElse("");
    }
}
