package org.contacthub.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The web application's shared pieces: GOV.UK assets, the sign-in page and the users it checks against. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubUsers.class)
class WebConfiguration implements WebMvcConfigurer {

    /** GOV.UK Frontend's stylesheet asks for its fonts and images at /assets. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("login");
        registry.addRedirectViewController("/", "/dashboard");
    }
}
