package org.socketintents.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Feeds the decoder valid frames damaged at random, from a fixed seed so that a failure can be replayed: the
 * decoder must return a message or throw a {@link ProtocolException}, never anything else, because the MAM
 * answers a ProtocolException and survives, while any other exception is a bug in front of untrusted input.
 */
class DecoderMutationTest {

    private static final long SEED = 20_131_209L;
    private static final int MUTATIONS = 20_000;
    private static final int FAILURES_SHOWN = 10;

    private enum Mutation {
        FLIP_BITS, TRUNCATE, INSERT_BYTES, DELETE_BYTES, OVERWRITE_BYTE, CHANGE_FIELD_LENGTH, REPEAT_FIELD,
        SPLICE_FIELD;

        byte[] apply(byte[] frame, List<byte[]> corpus, Random random) {
            switch (this) {
                case FLIP_BITS: {
                    byte[] out = frame.clone();
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    return out;
                }
                case TRUNCATE:
                    return Arrays.copyOf(frame, random.nextInt(frame.length));
                case INSERT_BYTES: {
                    byte[] inserted = new byte[1 + random.nextInt(8)];
                    random.nextBytes(inserted);
                    return insert(frame, random.nextInt(frame.length + 1), inserted);
                }
                case DELETE_BYTES: {
                    int from = random.nextInt(frame.length);
                    int to = Math.min(frame.length, from + 1 + random.nextInt(8));
                    return concat(Arrays.copyOf(frame, from), Arrays.copyOfRange(frame, to, frame.length));
                }
                case OVERWRITE_BYTE: {
                    byte[] out = frame.clone();
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                    return out;
                }
                case CHANGE_FIELD_LENGTH: {
                    List<int[]> fields = fields(frame);
                    if (fields.isEmpty()) {
                        return TRUNCATE.apply(frame, corpus, random);
                    }
                    int at = fields.get(random.nextInt(fields.size()))[0] + 1;
                    int length = ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
                    int[] choices = {0, 1, length - 1, length + 1, length + 2, 0xFFFF, random.nextInt(0x10000)};
                    int changed = choices[random.nextInt(choices.length)] & 0xFFFF;
                    byte[] out = frame.clone();
                    out[at] = (byte) (changed >> 8);
                    out[at + 1] = (byte) changed;
                    return out;
                }
                case REPEAT_FIELD: {
                    List<int[]> fields = fields(frame);
                    if (fields.isEmpty()) {
                        return INSERT_BYTES.apply(frame, corpus, random);
                    }
                    int[] field = fields.get(random.nextInt(fields.size()));
                    return insert(frame, field[1], Arrays.copyOfRange(frame, field[0], field[1]));
                }
                case SPLICE_FIELD: {
                    byte[] donor = corpus.get(random.nextInt(corpus.size()));
                    List<int[]> fields = fields(donor);
                    if (fields.isEmpty()) {
                        return FLIP_BITS.apply(frame, corpus, random);
                    }
                    int[] field = fields.get(random.nextInt(fields.size()));
                    List<int[]> boundaries = fields(frame);
                    int at = boundaries.isEmpty() ? frame.length : boundaries.get(random.nextInt(boundaries.size()))[0];
                    return insert(frame, at, Arrays.copyOfRange(donor, field[0], field[1]));
                }
                default:
                    throw new AssertionError(this);
            }
        }

        /** @return start and end offsets of each field of a well-formed frame body */
        private static List<int[]> fields(byte[] frame) {
            List<int[]> fields = new ArrayList<>();
            int at = Wire.HEADER_BYTES;
            while (at + Wire.FIELD_HEADER_BYTES <= frame.length) {
                int end = at + Wire.FIELD_HEADER_BYTES + (((frame[at + 1] & 0xFF) << 8) | (frame[at + 2] & 0xFF));
                if (end > frame.length) {
                    break;
                }
                fields.add(new int[] {at, end});
                at = end;
            }
            return fields;
        }

        private static byte[] insert(byte[] frame, int at, byte[] inserted) {
            return concat(Arrays.copyOf(frame, at), inserted, Arrays.copyOfRange(frame, at, frame.length));
        }

        private static byte[] concat(byte[]... parts) {
            return Frame.concat(parts);
        }
    }

    @Test
    void mutatedFramesDecodeOrFailWithAProtocolException() {
        List<byte[]> corpus = new ArrayList<>();
        for (Message message : SampleMessages.all()) {
            corpus.add(Codec.array(Codec.body(message)));
        }
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int decoded = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] original = corpus.get(random.nextInt(corpus.size()));
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            byte[] mutated = mutation.apply(original, corpus, random);
            try {
                Message message = MessageDecoder.decode(ByteBuffer.wrap(mutated));
                decoded++;
                assertEquals(message, Codec.roundTrip(message), "a decoded message encodes back to itself");
            } catch (ProtocolException e) {
                int expectedId = mutated.length >= Wire.HEADER_BYTES ? ByteBuffer.wrap(mutated).getInt(4) : 0;
                assertEquals(expectedId, e.requestId(), "request id of mutation " + i);
            } catch (RuntimeException e) {
                if (failures.size() < FAILURES_SHOWN) {
                    failures.add("mutation " + i + " (" + mutation + ") of " + HexFormat.of().formatHex(original)
                            + ": " + HexFormat.of().formatHex(mutated) + " -> " + e);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // The mutations must exercise both outcomes, or the test proves little.
        assertTrue(decoded > MUTATIONS / 20 && decoded < MUTATIONS / 2, decoded + " of the mutations decoded");
    }
}
