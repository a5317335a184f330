package kz.gov.dozor.web.reference;

import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.ejb.reference.ChangeView;
import kz.gov.dozor.ejb.reference.ReferenceQueries;
import kz.gov.dozor.ejb.reference.StaleEntryException;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;
import kz.gov.dozor.web.platform.Messages;
import kz.gov.dozor.web.platform.Races;

/**
 * What the pages of categories, legal bases and recipient bodies share: the list with retired
 * entries marked, one form that adds an entry or edits the one named in the address ({@code
 * ?edit=…}), retiring and reinstating, and the history of the list or of the entry being edited.
 * Each change names the version the administrator saw; a change by someone else meanwhile is
 * reported and what was typed is kept.
 *
 * @param <V> how the service shows an entry
 */
abstract class EntryPage<V> implements Serializable {

  static final String FORM = "entry:";

  @Inject ReferenceQueries queries;

  private String edit;
  private long version;
  private boolean editing;
  private List<V> entries;
  private List<ChangeView> history;
  private Boolean editable;

  /** The kind of entry, as the history names it. */
  abstract Subject subject();

  /** The page, for redirects: {@code /reference/categories}. */
  abstract String page();

  /** The prefix of the page's texts: {@code categories}. */
  abstract String texts();

  abstract List<V> loadEntries();

  /** The entry with this key (from the address); NotFoundException if there is none. */
  abstract V find(String key);

  abstract String keyOf(V entry);

  abstract long versionOf(V entry);

  abstract boolean activeOf(V entry);

  /** How messages name the entry: its code, or a legal basis's law and article. */
  abstract String labelOf(V entry);

  /** Puts the entry's values in the form. */
  abstract void fill(V entry);

  /** Adds an entry from the form; returns its key. */
  abstract String add();

  /** Saves the form over the entry as seen ({@code version}); false when nothing differed. */
  abstract boolean change(String key, long version);

  abstract void setActive(String key, long version, boolean active);

  /** Opens the entry named in the address in the form, once, when the page is first shown. */
  public void load() {
    if (edit == null || edit.isBlank()) {
      return;
    }
    try {
      V entry = find(edit.strip());
      fill(entry);
      version = versionOf(entry);
      editing = true;
    } catch (NotFoundException e) {
      Messages.addError(null, Messages.error("reference.notFound", edit));
      edit = null;
    }
  }

  /** Adds or saves the entry; the page then shows it with its history. */
  public String save() {
    try {
      String key;
      if (editing) {
        key = edit.strip();
        boolean changed = change(key, version);
        Messages.success(texts() + (changed ? ".saved" : ".unchanged"), currentLabel(key));
      } else {
        key = add();
        Messages.success(texts() + ".added", currentLabel(key));
      }
      return page() + "?faces-redirect=true&edit=" + key;
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> FORM + field);
    } catch (StaleEntryException e) {
      // Keep what was typed; the next save starts from the version now stored, knowingly.
      V now = find(edit.strip());
      version = versionOf(now);
      history = null;
      entries = null;
      Messages.addError(null, Messages.error("reference.changedBySomeoneElse", labelOf(now)));
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    } catch (EJBException e) {
      if (!Races.lost(e)) {
        throw e;
      }
      // Two administrators added the same entry at the same instant; the other one was first.
      Messages.addError(null, Messages.error("reference.changedBySomeoneElse", edit));
    }
    return null;
  }

  public String retire(V entry) {
    return setActiveAndShow(entry, false);
  }

  public String reinstate(V entry) {
    return setActiveAndShow(entry, true);
  }

  private String setActiveAndShow(V entry, boolean active) {
    try {
      setActive(keyOf(entry), versionOf(entry), active);
      Messages.success(texts() + (active ? ".reinstated" : ".retired"), labelOf(entry));
      return page() + "?faces-redirect=true";
    } catch (StaleEntryException e) {
      entries = null;
      history = null;
      Messages.addError(null, Messages.error("reference.changedBySomeoneElse", labelOf(entry)));
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    }
    return null;
  }

  /** The question asked before an entry is retired or reinstated. */
  public String question(V entry) {
    return Messages.text(
        texts() + (activeOf(entry) ? ".retireConfirm" : ".reinstateConfirm"), labelOf(entry));
  }

  private String currentLabel(String key) {
    try {
      return labelOf(find(key));
    } catch (NotFoundException e) {
      return key;
    }
  }

  public List<V> getEntries() {
    if (entries == null) {
      entries = loadEntries();
    }
    return entries;
  }

  /** The changes of the entry being edited, or of the whole list; newest first. */
  public List<ChangeView> getHistory() {
    if (history == null) {
      history = queries.history(EnumSet.of(subject()), editing ? edit.strip() : null, 50);
    }
    return history;
  }

  /** Only the agency's administrators change this list; the ministry's see it. */
  public boolean isEditable() {
    if (editable == null) {
      editable = queries.mayChangeAgencyLists();
    }
    return editable;
  }

  public boolean isEditing() {
    return editing;
  }

  /** The key of the entry being edited (from the address). */
  public String getEdit() {
    return edit;
  }

  public void setEdit(String edit) {
    this.edit = edit;
  }

  /** Whether a row is the entry being edited, so the page can mark it. */
  public boolean isEdited(V entry) {
    return editing && keyOf(entry).equals(edit.strip());
  }

  static Locale locale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
