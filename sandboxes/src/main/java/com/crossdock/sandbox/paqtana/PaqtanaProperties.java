package com.crossdock.sandbox.paqtana;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The Paqtana sandbox ({@code sandboxes.paqtana.*}).
 *
 * @param token                        the Bearer token it accepts (Paqtana tokens never expire by themselves)
 * @param maxRequestBytes              the request size limit; Paqtana's is 32 MB ("El tamaño máximo de la
 *                                     carga útil es de 32MB", paqtana-integration-api.es.txt, Paso 6), read as
 *                                     32,000,000 bytes: the stricter reading, so a client that counts 32 MiB fails
 * @param orgs                         the organisations it knows, by code, with their workspace codes
 * @param masterInventoryRequiredFields the master-inventory fields a row must carry (the doc does not list
 *                                     them; these are the item's identity)
 */
@ConfigurationProperties("sandboxes.paqtana")
public record PaqtanaProperties(
        @DefaultValue("paqtana-demo-token") String token,
        @DefaultValue("32000000B") DataSize maxRequestBytes,
        Map<String, Org> orgs,
        @DefaultValue({"location", "code", "workspaceCode"}) List<String> masterInventoryRequiredFields) {

    public PaqtanaProperties {
        orgs = orgs == null || orgs.isEmpty() ? Map.of("demo", new Org(List.of("main", "secondary"))) : Map.copyOf(orgs);
    }

    /** One organisation and the codes of its workspaces. */
    public record Org(List<String> workspaces) {
        public Org {
            workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
        }
    }

    int maxRequestBytesAsInt() {
        return Math.toIntExact(maxRequestBytes.toBytes());
    }

    @Override
    public String toString() {
        // the token is a credential, if only the fake's: never in a log line
        return "PaqtanaProperties[token=***, maxRequestBytes=" + maxRequestBytes + ", orgs=" + orgs
                + ", masterInventoryRequiredFields=" + masterInventoryRequiredFields + "]";
    }
}
