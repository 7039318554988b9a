package org.staffroom.groups.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.groups.Networks;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;

/** A network's pages: its groups, its coordinators and the groups asking to join. */
@Controller
class NetworkController {

    static final String NETWORK_VIEW = "groups/network";
    static final String ADMIN_VIEW = "groups/admin-networks";

    record NetworkForm(String name, String description) {
    }

    record CoordinatorForm(String email) {
    }

    private final Networks networks;

    NetworkController(Networks networks) {
        this.networks = networks;
    }

    @GetMapping("/networks/{networkId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID networkId, Model model) {
        model.addAttribute("network", networks.view(me.id(), networkId));
        if (!model.containsAttribute("coordinatorForm")) {
            model.addAttribute("coordinatorForm", new CoordinatorForm(""));
        }
        return NETWORK_VIEW;
    }

    @PostMapping("/networks/{networkId}/coordinators")
    String addCoordinator(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID networkId,
            @ModelAttribute("coordinatorForm") CoordinatorForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            networks.offerCoordination(me.id(), networkId, form.email());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return show(me, networkId, model);
        }
        redirect.addFlashAttribute("notice", "network.coordinatorAsked");
        return "redirect:/networks/" + networkId;
    }

    /** The person asked to coordinate answers, from their home page. */
    @PostMapping("/networks/{networkId}/offer")
    String answerOffer(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID networkId,
            @RequestParam(defaultValue = "false") boolean accept, RedirectAttributes redirect) {
        networks.answerOffer(me.id(), networkId, accept);
        if (accept) {
            redirect.addFlashAttribute("notice", "network.offer.accepted");
            return "redirect:/networks/" + networkId;
        }
        redirect.addFlashAttribute("notice", "network.offer.declined");
        return "redirect:/";
    }

    @GetMapping("/admin/networks")
    String admin(Model model) {
        model.addAttribute("networks", networks.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NetworkForm("", ""));
        }
        return ADMIN_VIEW;
    }

    @PostMapping("/admin/networks")
    String create(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("form") NetworkForm form,
            BindingResult result, Model model) {
        try {
            return "redirect:/networks/" + networks.create(me.id(), form.name(), form.description());
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return admin(model);
        }
    }
}
