package org.socketintents.protocol;

/** Which addresses a RESOLVE asks for, like getaddrinfo's ai_family. */
public enum AddressFamily {
    ANY(0),
    INET(4),
    INET6(6);

    private final int code;

    AddressFamily(int code) {
        this.code = code;
    }

    /** @return the code on the wire */
    public int code() {
        return code;
    }

    static AddressFamily ofCode(int code) {
        for (AddressFamily family : values()) {
            if (family.code == code) {
                return family;
            }
        }
        return null;
    }
}
