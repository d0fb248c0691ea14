package com.crossdock.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Crossdock modules a module runs with: itself and its com.crossdock dependencies outside test scope, transitively. */
final class ReactorModules {

    private static final String GROUP = "com.crossdock";

    private ReactorModules() {
    }

    static Set<String> runtimeClosure(String module) {
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(module);
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (closure.add(next)) {
                pending.addAll(runtimeDependencies(next));
            }
        }
        return closure;
    }

    private static Set<String> runtimeDependencies(String module) {
        Path pom = DeployFiles.repositoryRoot().resolve(module).resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            throw new IllegalArgumentException("no module " + module + " in the repository (" + pom + ")");
        }
        Set<String> dependencies = new LinkedHashSet<>();
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                    .getDocumentElement();
            NodeList nodes = project.getElementsByTagName("dependency");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element dependency = (Element) nodes.item(i);
                // <dependencies> of the project itself, not of a plugin or of dependencyManagement
                if (!((Element) dependency.getParentNode()).getParentNode().isSameNode(project)) {
                    continue;
                }
                String scope = text(dependency, "scope");
                if (GROUP.equals(text(dependency, "groupId")) && !"test".equals(scope) && !"provided".equals(scope)) {
                    dependencies.add(text(dependency, "artifactId"));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
        return dependencies;
    }

    private static String text(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().strip();
    }
}
