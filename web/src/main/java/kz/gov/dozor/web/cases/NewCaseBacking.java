package kz.gov.dozor.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.InvalidUrlException;
import kz.gov.dozor.ejb.cases.KnownUrl;
import kz.gov.dozor.ejb.cases.NewCase;
import kz.gov.dozor.ejb.cases.RegisteredCase;
import kz.gov.dozor.ejb.cases.UrlNormalizer;
import kz.gov.dozor.ejb.evidence.EvidenceRejectedException;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.evidence.StagedEvidence;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.reference.CategoryView;
import kz.gov.dozor.ejb.reference.PickLists;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.web.platform.Messages;
import kz.gov.dozor.web.session.CurrentUser;
import org.primefaces.event.FileUploadEvent;

/** The new-case form: resources, category, description, when detected, and evidence files. */
@Named("newCase")
@ViewScoped
public class NewCaseBacking implements Serializable {

  private static final Logger LOG = Logger.getLogger(NewCaseBacking.class.getName());
  private static final String FORM = "caseForm";

  @Inject private CaseService cases;
  @Inject private PickLists pickLists;
  @Inject private EvidenceService evidenceService;
  @Inject private CurrentUser user;

  private String submissionKey;
  private final List<ResourceInput> resources = new ArrayList<>();
  private String categoryCode;
  private String description;
  private LocalDateTime detectedAt;
  // Uploads of one form may arrive at once: a list safe for that.
  private final List<StagedEvidence> evidence = new CopyOnWriteArrayList<>();
  private List<CategoryView> categories;
  // URLs already known elsewhere, as last looked up, and those the user was told about on
  // registering: a second press of "Register" then goes on.
  private List<KnownUrl> knownUrls = List.of();
  private final Set<String> acknowledged = new HashSet<>();
  // URLs pasted at once, one per line: the valid ones are kept here (not as rows of fields, a
  // paste may hold thousands), the lines refused stay in the text area and are listed with why.
  private String pasted;
  private final List<String> pastedUrls = new ArrayList<>();
  private List<PasteProblem> pasteProblems = List.of();

  /** A pasted line that was not kept, and why (a message key with its arguments). */
  public record PasteProblem(int line, String text, String reason) implements Serializable {}

  @PostConstruct
  void init() {
    // Supervisors may list cases but not register them: the form is refused, not just hidden.
    if (!user.isInvestigator()) {
      throw new AccessDeniedException("access.investigatorOnly");
    }
    submissionKey = UUID.randomUUID().toString();
    resources.add(new ResourceInput());
  }

  public void addResource() {
    resources.add(new ResourceInput());
  }

  public void removeResource(int index) {
    if (resources.size() > 1 && index >= 0 && index < resources.size()) {
      resources.remove(index);
    }
  }

  /** Receives one evidence file: checked and hashed now, kept when the case is registered. */
  public void upload(FileUploadEvent event) {
    String clientId = event.getComponent().getClientId();
    try (InputStream in = event.getFile().getInputStream()) {
      refuseIfFormFull();
      StagedEvidence staged = evidenceService.receive(in, event.getFile().getFileName());
      String fileName = staged.fileName();
      synchronized (evidence) {
        if (evidence.size() < CaseService.MAX_EVIDENCE) {
          evidence.add(staged);
          staged = null;
        }
      }
      if (staged != null) {
        evidenceService.discard(staged);
        refuseIfFormFull();
      }
      // Told beside the upload; the file's row appears in the list below.
      String text = Messages.text("evidence.received", fileName);
      FacesContext.getCurrentInstance()
          .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    } catch (EvidenceRejectedException e) {
      Messages.addError(
          clientId,
          Messages.error(
              "evidence.rejectedFile",
              event.getFile().getFileName(),
              Messages.text(e.getMessageKey(), e.getArguments())));
    } catch (IOException | UncheckedIOException | EJBException e) {
      LOG.log(Level.WARNING, "upload failed", e);
      Messages.addError(
          clientId, Messages.error("evidence.uploadFailed", event.getFile().getFileName()));
    }
  }

  /** A form holds at most as many files as a case may have; more are refused, not staged. */
  private void refuseIfFormFull() {
    if (evidence.size() >= CaseService.MAX_EVIDENCE) {
      throw new EvidenceRejectedException(
          EvidenceRejectedException.Reason.TOO_MANY_IN_FORM, CaseService.MAX_EVIDENCE);
    }
  }

  /** A form left without being sent leaves no files behind in staging. */
  @PreDestroy
  void discardUnsent() {
    try {
      evidenceService.discardAbandoned(List.copyOf(evidence));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "staged evidence of an abandoned form not discarded", e);
    }
  }

  public void removeEvidence(UUID token) {
    evidence.removeIf(
        e -> {
          if (e.token().equals(token)) {
            evidenceService.discard(e);
            return true;
          }
          return false;
        });
  }

  /**
   * Takes the URLs pasted one per line: each is checked as a typed one is; the valid ones are kept,
   * repeats (within the paste or of a URL already in the form) are listed and dropped, the invalid
   * lines stay in the text area and are listed with the reason. Then the URLs are looked up among
   * the organisation's cases and in the registry.
   */
  public void addPasted() {
    Set<String> seen = new HashSet<>();
    for (String url : urls()) {
      normalized(url).ifPresent(seen::add);
    }
    List<PasteProblem> problems = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    String[] lines = pasted == null ? new String[0] : pasted.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String text = lines[i].strip();
      if (text.isEmpty()) {
        continue;
      }
      if (resourceCount() >= CaseService.MAX_RESOURCES) {
        problems.add(
            new PasteProblem(
                i + 1, text, Messages.text("case.resources.tooMany", CaseService.MAX_RESOURCES)));
        kept.add(lines[i]);
        continue;
      }
      try {
        String normalized = UrlNormalizer.normalize(text).normalized();
        if (!seen.add(normalized)) {
          problems.add(new PasteProblem(i + 1, text, Messages.text("url.duplicate")));
          continue;
        }
        pastedUrls.add(text);
      } catch (InvalidUrlException e) {
        problems.add(
            new PasteProblem(i + 1, text, Messages.text(e.getMessageKey(), e.getArguments())));
        kept.add(lines[i]);
      }
    }
    pasted = kept.isEmpty() ? null : String.join("\n", kept);
    pasteProblems = List.copyOf(problems);
    checkKnownUrls();
  }

  /** Drops the URLs taken from pastes. */
  public void clearPasted() {
    pastedUrls.clear();
    pasteProblems = List.of();
    checkKnownUrls();
  }

  private int resourceCount() {
    return (int) resources.stream().filter(r -> !isBlank(r.getUrl())).count() + pastedUrls.size();
  }

  private static Optional<String> normalized(String url) {
    if (isBlank(url)) {
      return Optional.empty();
    }
    try {
      return Optional.of(UrlNormalizer.normalize(url).normalized());
    } catch (InvalidUrlException e) {
      return Optional.empty();
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Looks the form's URLs up among the organisation's cases and in the registry. */
  public void checkKnownUrls() {
    knownUrls = cases.findKnownUrls(urls());
  }

  private List<String> urls() {
    List<String> urls = new ArrayList<>(resources.size() + pastedUrls.size());
    resources.forEach(r -> urls.add(r.getUrl()));
    urls.addAll(pastedUrls);
    return urls;
  }

  /**
   * The resources the case is registered with: the rows of fields, then the pasted URLs (platform
   * guessed from the host). Empty rows are left out when URLs were pasted.
   */
  private List<NewCase.Resource> commandResources() {
    List<NewCase.Resource> out = new ArrayList<>();
    for (ResourceInput r : resources) {
      if (pastedUrls.isEmpty() || !isBlank(r.getUrl())) {
        out.add(new NewCase.Resource(r.getUrl(), r.getPlatform()));
      }
    }
    pastedUrls.forEach(u -> out.add(new NewCase.Resource(u, null)));
    return out;
  }

  /**
   * Registers the case and opens it; problems are shown next to their fields. A URL already known
   * elsewhere is shown first, with where it is known; pressing "Register" again goes on.
   */
  public String register() {
    UUID key = UUID.fromString(submissionKey);
    if (evidence.isEmpty()) {
      Messages.addError(FORM + ":upload", Messages.error("case.evidence.required"));
      return null;
    }
    checkKnownUrls();
    Set<String> known = new HashSet<>();
    knownUrls.forEach(k -> known.add(k.normalized()));
    if (!acknowledged.containsAll(known)) {
      acknowledged.addAll(known);
      String text = Messages.text("case.known.confirm");
      FacesContext.getCurrentInstance()
          .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, text));
      return null;
    }
    NewCase command =
        new NewCase(
            key,
            commandResources(),
            categoryCode,
            description,
            detectedAt == null ? null : detectedAt.atZone(Almaty.ZONE).toInstant(),
            List.copyOf(evidence),
            clientAddress());
    try {
      RegisteredCase registered = cases.registerViolation(command);
      Messages.success("case.done.register", registered.registrationNumber());
      return "/cases/view?faces-redirect=true&id=" + registered.id();
    } catch (InvalidInputException e) {
      Messages.addProblems(e, this::clientIdOf);
      return null;
    } catch (RuntimeException e) {
      // The same form sent twice at once: the second loses the race on its key; show the first.
      Optional<RegisteredCase> earlier = cases.findBySubmissionKey(key);
      if (earlier.isPresent()) {
        return "/cases/view?faces-redirect=true&id=" + earlier.get().id();
      }
      throw e;
    }
  }

  private String clientIdOf(String field) {
    if (field.startsWith("resources[")) {
      int index = Integer.parseInt(field.substring(10, field.indexOf(']')));
      int row = rowOf(index);
      return row < 0 ? FORM + ":pasted" : FORM + ":resource:" + row + ":url";
    }
    if ("resources".equals(field)) {
      return FORM + ":pasted";
    }
    return switch (field) {
      case "category", "description", "detectedAt" -> FORM + ":" + field;
      case "evidence" -> FORM + ":upload";
      default -> null;
    };
  }

  /** The row of fields of the command's resource {@code index}; -1 for a pasted one. */
  private int rowOf(int index) {
    int seen = -1;
    for (int row = 0; row < resources.size(); row++) {
      if (pastedUrls.isEmpty() || !isBlank(resources.get(row).getUrl())) {
        seen++;
        if (seen == index) {
          return row;
        }
      }
    }
    return -1;
  }

  private static String clientAddress() {
    Object req = FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return req instanceof HttpServletRequest r ? r.getRemoteAddr() : null;
  }

  public List<CategoryView> getCategories() {
    if (categories == null) {
      categories = pickLists.categories();
    }
    return categories;
  }

  public Platform[] getPlatforms() {
    return Platform.values();
  }

  public LocalDateTime getNow() {
    return LocalDateTime.now(Almaty.ZONE);
  }

  public String getSubmissionKey() {
    return submissionKey;
  }

  public void setSubmissionKey(String submissionKey) {
    try {
      this.submissionKey = UUID.fromString(submissionKey).toString();
    } catch (IllegalArgumentException | NullPointerException e) {
      // keep the key this form was given
    }
  }

  public List<ResourceInput> getResources() {
    return resources;
  }

  public String getCategoryCode() {
    return categoryCode;
  }

  public void setCategoryCode(String categoryCode) {
    this.categoryCode = categoryCode;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public LocalDateTime getDetectedAt() {
    return detectedAt;
  }

  public void setDetectedAt(LocalDateTime detectedAt) {
    this.detectedAt = detectedAt;
  }

  public List<KnownUrl> getKnownUrls() {
    return knownUrls;
  }

  public String getPasted() {
    return pasted;
  }

  public void setPasted(String pasted) {
    this.pasted = pasted;
  }

  public List<String> getPastedUrls() {
    return pastedUrls;
  }

  public List<PasteProblem> getPasteProblems() {
    return pasteProblems;
  }

  public List<StagedEvidence> getEvidence() {
    return evidence;
  }
}
