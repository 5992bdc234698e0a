package io.punnet.launcher;

/** A setting has a value the node cannot start with. The message is one line naming the setting. */
final class SettingException extends Exception {

    private static final long serialVersionUID = 1L;

    SettingException(Setting setting, String problem) {
        super(setting.envName() + " (" + setting.key() + "): " + problem);
    }

    SettingException(String message) {
        super(message);
    }
}
