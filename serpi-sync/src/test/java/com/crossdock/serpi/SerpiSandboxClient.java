package com.crossdock.serpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.crossdock.testkit.Timeouts;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The SERPI sandbox's control endpoints, as a test drives them: changes made "in SERPI", and what SERPI holds. */
final class SerpiSandboxClient {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    SerpiSandboxClient(String serpiUrl) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(Timeouts.BLOCK);
        this.http = RestClient.builder().baseUrl(serpiUrl).requestFactory(requests).build();
    }

    /** Sets fields of article {@code codigo} in SERPI (created with placeholder ids when missing). */
    void change(String codigo, Map<String, Object> fields) {
        http.put().uri("/_sandbox/articles/{codigo}", codigo).contentType(MediaType.APPLICATION_JSON).body(fields)
                .retrieve().toBodilessEntity();
    }

    void remove(String codigo) {
        http.delete().uri("/_sandbox/articles/{codigo}", codigo).retrieve().toBodilessEntity();
    }

    void balance(String codigo, int idBodega, BigDecimal saldo) {
        http.put().uri("/_sandbox/stock/{codigo}/{bodega}", codigo, idBodega).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("saldo", saldo)).retrieve().toBodilessEntity();
    }

    /** SERPI's articles whose codigo is {@code codigo}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> articles(String codigo) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) http.get().uri("/_sandbox/articles").retrieve()
                .body(MAP).get("articles");
        return all.stream().filter(article -> codigo.equals(article.get("codigo"))).toList();
    }

    Map<String, Object> state() {
        return http.get().uri("/_sandbox/state").retrieve().body(MAP);
    }

    long concurrentRefused() {
        return ((Number) state().get("concurrentRefused")).longValue();
    }

    long requestsServed() {
        return ((Number) state().get("requestsServed")).longValue();
    }
}
