package org.staffroom.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.CurrentAccount;

/**
 * Gives every rendered page the signed-in account (model attribute "me", null for visitors) for the
 * header. Only pages that are rendered pay for the look-up: not redirects, and not the JSON API.
 */
@Configuration(proxyBeanMethods = false)
class CurrentAccountInView implements WebMvcConfigurer, HandlerInterceptor {

    private final Accounts accounts;

    CurrentAccountInView(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        view.addObject("me", authentication != null && authentication.getPrincipal() instanceof CurrentAccount current
                ? accounts.find(current.id()).orElse(null) : null);
    }
}
