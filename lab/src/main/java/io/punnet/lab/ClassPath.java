package io.punnet.lab;

/** The class path to start the lab's helper JVMs with: the test class path under Surefire, else ours. */
final class ClassPath {

    private ClassPath() {
    }

    static String current() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
