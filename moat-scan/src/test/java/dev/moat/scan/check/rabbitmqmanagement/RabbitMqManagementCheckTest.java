package dev.moat.scan.check.rabbitmqmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.scan.check.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RabbitMqManagementCheckTest {
  private static Http.Response response(int status, Map<String, List<String>> headers) {
    return new Http.Response(status, headers, new byte[0]);
  }

  @Test
  void managementApi_needs401WithTheManagementRealm() {
    assertThat(
            RabbitMqManagementCheck.managementApi(
                response(
                    401,
                    Map.of("www-authenticate", List.of("Basic realm=\"RabbitMQ Management\"")))))
        .isTrue();
    // another product's basic auth, a 200 page, a 401 without a challenge: not the API
    assertThat(
            RabbitMqManagementCheck.managementApi(
                response(401, Map.of("www-authenticate", List.of("Basic realm=\"Registry\"")))))
        .isFalse();
    assertThat(
            RabbitMqManagementCheck.managementApi(
                response(
                    200,
                    Map.of("www-authenticate", List.of("Basic realm=\"RabbitMQ Management\"")))))
        .isFalse();
    assertThat(RabbitMqManagementCheck.managementApi(response(401, Map.of()))).isFalse();
  }

  @Test
  void tags_areReadAsArrayOrAsTheOlderString() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(RabbitMqManagementCheck.tags(json.readTree("[\"administrator\",\"monitoring\"]")))
        .isEqualTo("administrator,monitoring");
    assertThat(RabbitMqManagementCheck.tags(json.readTree("\"administrator\"")))
        .isEqualTo("administrator");
    assertThat(RabbitMqManagementCheck.tags(json.readTree("[]"))).isEmpty();
  }
}
