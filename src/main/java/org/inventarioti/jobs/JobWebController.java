package org.inventarioti.jobs;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administración → Tareas programadas: the scheduler's jobs, their last and next runs, "run now" (ADMIN). */
@Controller
class JobWebController {

    private final JobService service;

    JobWebController(JobService service) {
        this.service = service;
    }

    @GetMapping("/jobs")
    String lista(Model model) {
        model.addAttribute("jobs", service.estado());
        return "jobs/lista";
    }

    @PostMapping("/jobs/{nombre}/ejecutar")
    String ejecutar(@PathVariable String nombre, RedirectAttributes redirect) {
        redirect.addFlashAttribute("ejecutado", nombre);
        service.ejecutar(nombre, Ejecucion.MANUAL)
                .ifPresentOrElse(
                        run -> { // flash attributes live in the (JDBC) session: plain values only
                            redirect.addFlashAttribute("resultado", run.resultado());
                            redirect.addFlashAttribute("duracionMs", run.duracionMs());
                            redirect.addFlashAttribute("detalle", run.detalle());
                        },
                        () -> redirect.addFlashAttribute("ocupado", true));
        return "redirect:/jobs";
    }
}
