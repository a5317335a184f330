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
import kz.gov.dozor.ejb.cases.KnownUrl;
import kz.gov.dozor.ejb.cases.NewCase;
import kz.gov.dozor.ejb.cases.RegisteredCase;
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

  /** Looks the form's URLs up among the organisation's cases and in the registry. */
  public void checkKnownUrls() {
    knownUrls = cases.findKnownUrls(urls());
  }

  private List<String> urls() {
    return resources.stream().map(ResourceInput::getUrl).toList();
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
            resources.stream().map(r -> new NewCase.Resource(r.getUrl(), r.getPlatform())).toList(),
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
      return FORM + ":resource:" + index + ":url";
    }
    return switch (field) {
      case "category", "description", "detectedAt" -> FORM + ":" + field;
      case "evidence" -> FORM + ":upload";
      default -> null;
    };
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

  public List<StagedEvidence> getEvidence() {
    return evidence;
  }
}
