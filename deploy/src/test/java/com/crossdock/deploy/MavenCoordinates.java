package com.crossdock.deploy;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The artifactId and version a module's pom gives its jar (the version may come from the parent). */
record MavenCoordinates(String artifactId, String version) {

    static MavenCoordinates of(Path pom) {
        Element project = documentElement(pom);
        String version = child(project, "version");
        if (version == null) {
            version = child(firstChild(project, "parent"), "version");
        }
        return new MavenCoordinates(child(project, "artifactId"), version);
    }

    /** The file name of the Spring Boot repackaged jar (classifier exec). */
    String execJar() {
        return artifactId + "-" + version + "-exec.jar";
    }

    private static Element documentElement(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static String child(Element parent, String name) {
        Element child = firstChild(parent, name);
        return child == null ? null : child.getTextContent().strip();
    }

    private static Element firstChild(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
