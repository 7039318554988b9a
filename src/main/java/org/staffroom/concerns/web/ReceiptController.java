package org.staffroom.concerns.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.concerns.Category;
import org.staffroom.concerns.ConcernDraft;
import org.staffroom.concerns.Receipts;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.shared.web.FormErrors;

/**
 * The anonymous author's pages. Every request carries the receipt in its body (never in a URL), or, right after
 * raising, in a short-lived cookie ({@link ReceiptCookie}); nothing about it is kept in the session, so even a
 * signed-in author's session does not point at their concern.
 */
@Controller
class ReceiptController {

    record ReceiptForm(String receipt) {
    }

    record MessageForm(String text) {
    }

    private final Receipts receipts;
    private final ReceiptThrottle throttle;
    private final MessageSource messages;
    private final InstanceSettings settings;

    ReceiptController(Receipts receipts, ReceiptThrottle throttle, MessageSource messages, InstanceSettings settings) {
        this.receipts = receipts;
        this.throttle = throttle;
        this.messages = messages;
        this.settings = settings;
    }

    @GetMapping("/receipt")
    String form(Model model) {
        model.addAttribute("form", new ReceiptForm(""));
        return "concerns/receipt-open";
    }

    @PostMapping("/receipt")
    String open(@ModelAttribute("form") ReceiptForm form, BindingResult result, Model model,
            HttpServletRequest request) {
        try {
            return page(throttle.guard(request, () -> receipts.open(form.receipt())), form.receipt(), model);
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return "concerns/receipt-open";
        }
    }

    private String page(Receipts.ReceiptView view, String receipt, Model model) {
        model.addAttribute("r", view);
        model.addAttribute("receipt", receipt);
        if (!model.containsAttribute("messageForm")) {
            model.addAttribute("messageForm", new MessageForm(""));
        }
        if (!model.containsAttribute("editForm")) {
            model.addAttribute("editForm", new ConcernDraft(view.title(), view.details(), view.category().name(),
                    view.affected(), true));
        }
        model.addAttribute("categories", Category.values());
        return "concerns/receipt-private";
    }

    @PostMapping("/receipt/edit")
    String edit(@RequestParam(defaultValue = "") String receipt, @ModelAttribute("editForm") ConcernDraft form,
            BindingResult result, Model model, HttpServletRequest request) {
        try {
            Receipts.ReceiptView view = throttle.guard(request, () -> receipts.edit(receipt, form));
            model.addAttribute("notice", "concern.saved");
            model.addAttribute("editForm", new ConcernDraft(view.title(), view.details(), view.category().name(),
                    view.affected(), true));
            return page(view, receipt, model);
        } catch (DomainException.InvalidInput e) {
            if ("receipt".equals(e.field())) {
                return reopen(receipt, e, model);
            }
            FormErrors.reject(result, e);
            model.addAttribute("editOpen", true);
            return page(throttle.guard(request, () -> receipts.open(receipt)), receipt, model);
        } catch (DomainException.Conflict e) {
            model.addAttribute("problem", e.messageCode());
            return page(throttle.guard(request, () -> receipts.open(receipt)), receipt, model);
        }
    }

    @PostMapping("/receipt/messages")
    String write(@RequestParam(defaultValue = "") String receipt, @ModelAttribute("messageForm") MessageForm form,
            BindingResult result, Model model, HttpServletRequest request) {
        try {
            Receipts.ReceiptView view = throttle.guard(request, () -> receipts.write(receipt, form.text()));
            model.addAttribute("notice", "concern.conversation.sent");
            model.addAttribute("messageForm", new MessageForm(""));
            return page(view, receipt, model);
        } catch (DomainException.InvalidInput e) {
            if ("receipt".equals(e.field())) {
                return reopen(receipt, e, model);
            }
            FormErrors.reject(result, e);
            return page(throttle.guard(request, () -> receipts.open(receipt)), receipt, model);
        }
    }

    @PostMapping("/receipt/withdraw")
    String withdraw(@RequestParam(defaultValue = "") String receipt, Model model, HttpServletRequest request) {
        try {
            Receipts.ReceiptView view = throttle.guard(request, () -> receipts.withdraw(receipt));
            model.addAttribute("notice", view.changeWaiting() ? "receipt.withdrawnLater" : "concern.withdrawn");
            return page(view, receipt, model);
        } catch (DomainException.InvalidInput e) {
            return reopen(receipt, e, model);
        } catch (DomainException.Conflict e) {
            model.addAttribute("problem", e.messageCode());
            return page(throttle.guard(request, () -> receipts.open(receipt)), receipt, model);
        }
    }

    /** A receipt that stopped working (it was mistyped in a changed form): back to the receipt form. */
    private String reopen(String receipt, DomainException.InvalidInput e, Model model) {
        model.addAttribute("form", new ReceiptForm(receipt));
        BindingResult result = new org.springframework.validation.BeanPropertyBindingResult(
                new ReceiptForm(receipt), "form");
        FormErrors.reject(result, e);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return "concerns/receipt-open";
    }

    /**
     * Right after raising (the raise form redirects here): the receipt, from the cookie that carried it, until the
     * author has typed its last four characters back. Without it (confirmed, expired, another browser) there is
     * nothing to show, and the page to open a receipt is shown instead.
     */
    @GetMapping("/receipt/new")
    String fresh(HttpServletRequest request, Model model) {
        return ReceiptCookie.read(request).map(receipt -> {
            model.addAttribute("receipt", receipt);
            model.addAttribute("confirmError", false);
            return "concerns/receipt";
        }).orElse("redirect:/receipt");
    }

    /** The author types the receipt's last four characters back, to show they have it before the page moves on. */
    @PostMapping("/receipt/confirm")
    String confirm(@RequestParam(defaultValue = "") String lastFour, @RequestParam(defaultValue = "") String receipt,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        // the page carries it too, so that a receipt is never lost with the cookie (a closed browser, a restored tab)
        Optional<String> kept = ReceiptCookie.read(request)
                .or(() -> Optional.of(receipt.strip()).filter(r -> !r.isEmpty() && r.length() <= 40));
        if (kept.isEmpty()) {
            return "redirect:/receipt";
        }
        String code = kept.get().replace("-", "").strip();
        String typed = lastFour.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        if (code.length() < 4 || !code.substring(code.length() - 4).equals(typed)) {
            model.addAttribute("receipt", kept.get());
            model.addAttribute("confirmError", true);
            return "concerns/receipt";
        }
        ReceiptCookie.forget(request, response);
        return "redirect:/receipt/saved";
    }

    @GetMapping("/receipt/saved")
    String saved() {
        return "concerns/receipt-saved";
    }

    /** The receipt as a small text file, so that it can be kept outside the browser. */
    @PostMapping("/receipt/download")
    ResponseEntity<byte[]> download(@RequestParam(defaultValue = "") String receipt,
            HttpServletRequest request) {
        if (receipt.isBlank() || receipt.length() > 40) {
            throw new DomainException.InvalidInput("receipt", "receipt.invalid");
        }
        String text = messages.getMessage("receipt.file", new Object[] {receipt.strip(), settings.link("/receipt")},
                request.getLocale());
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("staffroom-receipt.txt").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(text.getBytes(StandardCharsets.UTF_8));
    }
}
