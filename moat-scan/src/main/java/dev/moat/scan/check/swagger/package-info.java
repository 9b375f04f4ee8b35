/** The Swagger/OpenAPI exposure check: API descriptions and Swagger UI served to anyone. */
@NullMarked
package dev.moat.scan.check.swagger;

import org.jspecify.annotations.NullMarked;
