package com.crossdock.structure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The Maven reactor as its poms say: the root's {@code <modules>}, and each module's dependencies on the others. */
record Reactor(Path root, Map<String, Module> modules) {

    /**
     * One module.
     *
     * @param name         its artifactId
     * @param directory    where it lives
     * @param hasMainCode  whether it has {@code src/main/java}
     * @param runnable     whether it builds a runnable Spring Boot jar ({@code spring-boot-maven-plugin} in its
     *                     build plugins)
     * @param dependencies its dependencies on other modules of the reactor, in pom order
     */
    record Module(String name, Path directory, boolean hasMainCode, boolean runnable, List<Dependency> dependencies) {
    }

    /** A dependency on another module; {@code scope} is Maven's (compile when the pom names none). */
    record Dependency(String module, String scope) {

        boolean testOnly() {
            return "test".equals(scope);
        }
    }

    /** The repository root: the parent of this module's directory, where Maven runs the tests. */
    static Reactor ofThisRepository() {
        return read(Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent());
    }

    static Reactor read(Path root) {
        Element rootPom = pom(root.resolve("pom.xml"));
        String groupId = text(rootPom, "groupId").orElseThrow();
        List<Path> directories = new ArrayList<>();
        for (Element module : children(child(rootPom, "modules"), "module")) {
            directories.add(root.resolve(module.getTextContent().strip()));
        }
        List<String> names = directories.stream().map(dir -> text(pom(dir.resolve("pom.xml")), "artifactId").orElseThrow())
                .toList();
        Map<String, Module> modules = new LinkedHashMap<>();
        for (Path directory : directories) {
            Element pom = pom(directory.resolve("pom.xml"));
            List<Dependency> dependencies = new ArrayList<>();
            for (Element dependency : children(child(pom, "dependencies"), "dependency")) {
                String group = text(dependency, "groupId").orElse("");
                String artifact = text(dependency, "artifactId").orElse("");
                if ((group.equals(groupId) || group.equals("${project.groupId}")) && names.contains(artifact)) {
                    dependencies.add(new Dependency(artifact, text(dependency, "scope").orElse("compile")));
                }
            }
            boolean runnable = children(child(child(pom, "build"), "plugins"), "plugin").stream()
                    .anyMatch(plugin -> text(plugin, "artifactId").filter("spring-boot-maven-plugin"::equals).isPresent());
            String name = text(pom, "artifactId").orElseThrow();
            modules.put(name, new Module(name, directory, Files.isDirectory(directory.resolve("src/main/java")), runnable,
                    List.copyOf(dependencies)));
        }
        return new Reactor(root, modules);
    }

    Module module(String name) {
        Module module = modules.get(name);
        if (module == null) {
            throw new IllegalArgumentException("no module " + name + " in " + root);
        }
        return module;
    }

    private static Element pom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Optional<String> text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? Optional.empty() : Optional.of(child.getTextContent().strip());
    }

    /** The first child element so named, directly under {@code parent} (not deeper: a plugin's dependencies are not the module's). */
    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
