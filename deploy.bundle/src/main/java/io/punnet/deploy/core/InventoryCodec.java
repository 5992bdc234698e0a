package io.punnet.deploy.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.punnet.deploy.api.BundleInfo;

/**
 * The bundles a node runs, gossiped in pages because forty bundles do not fit in one 1 KiB value:
 * {@value #KEY} holds page 0, {@code bundles.1}, {@code bundles.2}… the others. Every page starts
 * with {@code 1;<inventory id>;<page count>}, then one {@code |<name>;<version>;<state>;<digest>}
 * per bundle (state as one letter: A active, R resolved, I installed, S starting, T stopping; the
 * digest is the 16-digit prefix or empty).
 *
 * <p>Gossip may deliver a node's pages out of step; a reader accepts the inventory only when every
 * page carries the same id (so it never mixes two inventories), and otherwise keeps none until the
 * rest arrives. At most {@value #MAX_PAGES} pages (about 80 bundles with typical names).
 */
public final class InventoryCodec {

    /** The key of page 0; page n is {@code KEY + "." + n}. */
    public static final String KEY = "bundles";

    /** Most pages written. */
    public static final int MAX_PAGES = 6;

    private static final String STATES = "ARIST";
    private static final String[] STATE_NAMES = {"ACTIVE", "RESOLVED", "INSTALLED", "STARTING", "STOPPING"};

    /** The key of one page. */
    public static String pageKey(int page) {
        return page == 0 ? KEY : KEY + "." + page;
    }

    /**
     * The pages for these bundles, key to value; bundles beyond {@value #MAX_PAGES} pages are left
     * out. Pages that an earlier, longer inventory used are not listed: the caller empties them.
     */
    public List<String> encode(long inventoryId, List<BundleInfo> bundles) {
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        int size = 0;
        int headerRoom = 40;
        for (BundleInfo b : bundles) {
            String item = b.symbolicName() + ";" + b.version() + ";" + letter(b.state()) + ";" + b.digest();
            if (!DesiredStateCodec.isGossipableName(b.symbolicName()) || item.length() > 300) {
                continue;
            }
            if (size + item.length() + 1 + headerRoom > DesiredStateCodec.MAX_BYTES) {
                pages.add(page);
                page = new ArrayList<>();
                size = 0;
            }
            page.add(item);
            size += item.length() + 1;
        }
        pages.add(page);
        int count = Math.min(pages.size(), MAX_PAGES);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder out = new StringBuilder("1;").append(Long.toString(inventoryId, 36)).append(';').append(count);
            for (String item : pages.get(i)) {
                out.append('|').append(item);
            }
            values.add(out.toString());
        }
        return values;
    }

    /** The inventory in a member's state, or empty when absent, malformed or caught between updates. */
    public Optional<List<BundleInfo>> decode(Map<String, String> state) {
        String[] head = header(state.get(KEY));
        if (head == null) {
            return Optional.empty();
        }
        int count;
        try {
            count = Integer.parseInt(head[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (count < 1 || count > MAX_PAGES) {
            return Optional.empty();
        }
        List<BundleInfo> bundles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = state.get(pageKey(i));
            String[] h = header(value);
            if (h == null || !h[1].equals(head[1])) {
                return Optional.empty();
            }
            String[] items = value.split("\\|", -1);
            for (int j = 1; j < items.length; j++) {
                String[] f = items[j].split(";", -1);
                if (f.length == 4 && f[2].length() == 1 && STATES.contains(f[2])) {
                    bundles.add(new BundleInfo(f[0], f[1], STATE_NAMES[STATES.indexOf(f[2])], f[3]));
                }
            }
        }
        return Optional.of(List.copyOf(bundles));
    }

    private static String[] header(String value) {
        if (value == null) {
            return null;
        }
        int bar = value.indexOf('|');
        String[] h = (bar < 0 ? value : value.substring(0, bar)).split(";", -1);
        return h.length == 3 && "1".equals(h[0]) ? h : null;
    }

    private static char letter(String state) {
        for (int i = 0; i < STATE_NAMES.length; i++) {
            if (STATE_NAMES[i].equals(state)) {
                return STATES.charAt(i);
            }
        }
        return 'I';
    }
}
