package org.whistle.problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Import;

/** Registers {@link ProblemDetailsHandler} in servlet services; reactive ones (the gateway) render their own. */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@Import(ProblemDetailsHandler.class)
public class ProblemDetailsAutoConfiguration {}
