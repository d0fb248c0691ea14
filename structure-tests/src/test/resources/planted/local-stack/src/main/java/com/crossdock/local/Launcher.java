package com.crossdock.local;

class Launcher {
    static final String RAW = "crossdock.launcher-raw.v1";
}
