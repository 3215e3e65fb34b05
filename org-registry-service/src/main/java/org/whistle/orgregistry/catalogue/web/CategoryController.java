package org.whistle.orgregistry.catalogue.web;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgreference.domain.catalogue.Category;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgregistry.catalogue.Categories;
import org.whistle.orgregistry.catalogue.ImportingCategories;
import org.whistle.orgregistry.catalogue.ManagingCategories;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.problems.NotFoundException;

/** {@code /api/org/categories}: the category tree for everyone with a token, changes for administrators. */
@RestController
class CategoryController {

    private final Categories categories;
    private final ManagingCategories managing;
    private final ImportingCategories importing;

    CategoryController(Categories categories, ManagingCategories managing, ImportingCategories importing) {
        this.categories = categories;
        this.managing = managing;
        this.importing = importing;
    }

    /** The 大类 with their 小类 nested; retired ones only when asked for. */
    @GetMapping("/api/org/categories")
    List<CategoryView> tree(@RequestParam(defaultValue = "false") boolean includeRetired) {
        var all = categories.all(includeRetired);
        return all.stream()
                .filter(Category::isMain)
                .map(main -> CategoryView.of(
                        main,
                        all.stream()
                                .filter(sub -> main.code().equals(sub.parent()))
                                .map(CategoryView::of)
                                .toList()))
                .toList();
    }

    @GetMapping("/api/org/categories/{code}")
    CategoryView one(@PathVariable String code) {
        return CategoryView.of(find(code));
    }

    @PostMapping("/api/org/categories")
    ResponseEntity<CategoryView> create(@RequestBody CategoryRequest request) {
        var created = managing.create(request.toCategory(null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/org/categories/" + created.code().value())
                .body(CategoryView.of(created));
    }

    @PutMapping("/api/org/categories/{code}")
    CategoryView change(@PathVariable String code, @RequestBody CategoryRequest request) {
        find(code);
        return CategoryView.of(managing.change(request.toCategory(code)));
    }

    /** Retires the category: refused with 409 while active 小类 or rules use it. */
    @DeleteMapping("/api/org/categories/{code}")
    CategoryView retire(@PathVariable String code) {
        return CategoryView.of(managing.retire(find(code).code()));
    }

    @PostMapping(path = "/api/org/imports/categories", consumes = "text/csv")
    ImportSummary importCsv(@RequestBody byte[] csv) {
        return importing.importCsv("categories.csv", new ByteArrayInputStream(Objects.requireNonNull(csv)));
    }

    private Category find(String code) {
        return (CategoryCode.isWellFormed(code)
                        ? categories.find(new CategoryCode(code))
                        : java.util.Optional.<Category>empty())
                .orElseThrow(() -> new NotFoundException("category", code));
    }
}
