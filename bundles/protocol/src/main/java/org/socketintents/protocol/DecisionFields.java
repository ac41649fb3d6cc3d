package org.socketintents.protocol;

import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Transport;

/**
 * Collects the decision fields of a reply (docs/protocol.md, section 8) while its frame is read: shared by the
 * replies that carry a decision.
 */
final class DecisionFields {

    private final Decision.Builder decision = Decision.builder();
    private String policy = "";
    private DecisionOutcome outcome;
    private int destinations;

    /** @return whether the current field is a decision field, which is then read */
    boolean read(FieldReader f) throws ProtocolException {
        switch (f.tag()) {
            case Wire.SOURCE_INTERFACE:
                f.once();
                decision.sourceInterface(f.interfaceName());
                return true;
            case Wire.SOURCE_ADDRESS:
                f.once();
                decision.sourceAddress(f.address(f.length()));
                return true;
            case Wire.DESTINATION:
                if (++destinations > Wire.MAX_DESTINATIONS) {
                    throw f.malformed("more than " + Wire.MAX_DESTINATIONS + " destinations");
                }
                decision.addDestination(f.destination());
                return true;
            case Wire.TRANSPORT:
                f.once();
                decision.transport(transport(f));
                return true;
            case Wire.OPTION:
                f.option(decision);
                return true;
            case Wire.REASON:
                f.once();
                decision.reason(f.text(Wire.MAX_TEXT_BYTES));
                return true;
            case Wire.POLICY:
                f.once();
                policy = f.text(Wire.MAX_TEXT_BYTES);
                return true;
            case Wire.OUTCOME:
                f.once();
                outcome = DecisionOutcome.ofCode(f.u8());
                if (outcome == null) {
                    throw f.malformed("unknown decision outcome");
                }
                return true;
            default:
                return false;
        }
    }

    /** Reads a transport enum field. */
    static Transport transport(FieldReader f) throws ProtocolException {
        Object transport = EnumCodes.value(Transport.class, f.u8());
        if (transport == null) {
            throw f.malformed("unknown transport");
        }
        return (Transport) transport;
    }

    Decision decision() {
        return decision.build();
    }

    String policy() {
        return policy;
    }

    /** @return the outcome, which every decision reply must carry */
    DecisionOutcome outcome(FieldReader f, MessageType type) throws ProtocolException {
        if (outcome == null) {
            throw f.malformed(type + " without an OUTCOME field");
        }
        return outcome;
    }
}
